/**
 * Notices: a problem's team tells the customers it affects what is wrong, what to do
 * meanwhile and when it will be fixed, before they have to call; and sees who called
 * anyway.
 */
package io.rootcase.notices;
