package dev.parley.identity;

/** A token just created: the secret is shown to its owner this once and never again. */
public record IssuedToken(ApiToken token, String secret) {
}
