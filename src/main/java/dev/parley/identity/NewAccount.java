package dev.parley.identity;

/** A request to open an account. The password is plain text here and never stored as such. */
public record NewAccount(String username, String password, String displayName, Role role) {
}
