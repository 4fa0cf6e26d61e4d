package io.rootcase.customers;

/**
 * The kinds of handle by which we recognise a customer on some channel.
 */
public enum IdentityKind {

	EMAIL, PHONE, SOCIAL_HANDLE, ACCOUNT_NUMBER

}
