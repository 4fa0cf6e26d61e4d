package io.rootcase.staff;

/**
 * A token just issued: the secret is shown this once and never again.
 */
public record IssuedToken(ApiToken token, String secret) {
}
