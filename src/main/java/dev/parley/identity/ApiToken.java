package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token as its owner sees it in the list: never the secret, only its first characters. */
public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean isActive(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
