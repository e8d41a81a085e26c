package dev.parley.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.AccountId;
import dev.parley.identity.ApiToken;

/** The api_tokens table. */
@Repository
public class TokenStore {

	/** How stale a token's "last used" may be. */
	static final Duration USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	/** When this node last wrote a token's use (by hash); bounded, cleared when full. */
	private final Map<String, Instant> usedWritten = new ConcurrentHashMap<>();

	private final DigestCache cache;

	private final TokenCache tokenCache;

	TokenStore(JdbcClient jdbc, DigestCache cache, TokenCache tokenCache) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.tokenCache = tokenCache;
	}

	public void insert(AccountId owner, ApiToken token, String hash) {
		jdbc.sql("""
				INSERT INTO api_tokens (id, account_id, name, token_hash, prefix, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(token.id(), owner.value(), token.name(), hash, token.prefix(), ts(token.createdAt()),
					ts(token.expiresAt()))
			.update();
	}

	public List<ApiToken> findByOwner(AccountId owner) {
		return jdbc.sql("""
				SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens
				WHERE account_id = ? ORDER BY created_at DESC""")
			.param(owner.value())
			.query((rs, n) -> new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	/** Whether this use should be written: the token's last written use here is a minute old or more. */
	private boolean noteUse(String hash, Instant now) {
		Instant last = usedWritten.get(hash);
		if (last != null && last.isAfter(now.minus(USE_PRECISION))) {
			return false;
		}
		if (usedWritten.size() >= 10_000) {
			usedWritten.clear();
		}
		usedWritten.put(hash, now);
		return true;
	}

	/** Revokes the token; its HA1 stops matching on the next digest answer (the owner's kept rows are evicted). */
	public boolean revoke(AccountId owner, UUID id, Instant now) {
		boolean revoked = jdbc.sql("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ?")
			.params(ts(now), id, owner.value()).update() == 1;
		if (revoked) {
			cache.evict(owner);
			tokenCache.evict(owner);
		}
		return revoked;
	}

	/** A token that is not revoked nor expired at {@code now}: its owner and expiry (null: never). */
	public record Active(AccountId owner, Instant expiresAt) {
	}

	public Optional<Active> findActive(String hash, Instant now) {
		return jdbc.sql("""
				SELECT account_id, expires_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL
				AND (expires_at IS NULL OR expires_at > ?)""")
			.params(hash, ts(now))
			.query((rs, n) -> new Active(new AccountId(rs.getObject("account_id", UUID.class)),
					instant(rs.getTimestamp("expires_at"))))
			.optional();
	}

	/**
	 * The token was used. "Last used" is shown to the minute: written at most once a minute per token, and only where
	 * it is older (so a token used a thousand times a second costs no write, and no commit to disk, per request).
	 */
	public void used(String hash, Instant now) {
		if (noteUse(hash, now)) {
			jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)")
				.params(ts(now), hash, ts(now.minus(USE_PRECISION))).update();
		}
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
