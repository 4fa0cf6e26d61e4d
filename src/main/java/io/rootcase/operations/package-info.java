/**
 * Keeping Rootcase running: the background work the modules' listeners do after a request
 * (how much waits, what failed, retrying it) for operators and admins.
 */
package io.rootcase.operations;
