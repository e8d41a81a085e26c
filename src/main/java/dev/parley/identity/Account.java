package dev.parley.identity;

import java.time.Instant;

/** An account as others see it (no credentials). */
public record Account(AccountId id, String username, String displayName, Role role, boolean enabled,
		Instant createdAt) {
}
