package dev.parley.customer;

/** A new customer signing up: the account's sign-in and the profile's first data. */
public record Registration(String username, String displayName, String email, String password, String timeZone) {
}
