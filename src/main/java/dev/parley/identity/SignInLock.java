package dev.parley.identity;

import java.time.Instant;

/**
 * Failed sign-ins counted against one key, as an administrator sees them: an account from one address
 * ({@code ACCOUNT_SOURCE}), an account from anywhere ({@code ACCOUNT}) or an address for any account ({@code SOURCE}).
 * {@code username} is empty for an address's count, {@code source} empty for an account's; {@code lockedUntil} is
 * when sign-ins the key covers are taken again.
 */
public record SignInLock(Scope scope, String username, String source, int failures, Instant lastFailureAt,
		Instant lockedUntil) {

	public enum Scope {
		ACCOUNT_SOURCE, ACCOUNT, SOURCE
	}
}
