package dev.parley.identity;

/** What a sign-in adapter needs to check a password: the account and its adaptive hash. */
public record Credentials(Account account, String passwordHash) {
}
