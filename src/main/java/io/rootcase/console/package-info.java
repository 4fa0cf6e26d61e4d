/**
 * The agents' web console: server-rendered pages with htmx fragments. Every page works
 * without JavaScript; with it, forms swap only the part of the page they change.
 */
package io.rootcase.console;
