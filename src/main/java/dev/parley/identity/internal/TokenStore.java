package dev.parley.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.identity.AccountId;
import dev.parley.identity.ApiToken;

/** The api_tokens table. */
@Repository
public class TokenStore {

	private final JdbcClient jdbc;

	private final DigestCache cache;

	private final TokenCache tokenCache;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	TokenStore(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, DigestCache cache,
			TokenCache tokenCache) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transactions = new TransactionTemplate(transactions);
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

	/**
	 * The account (as read) and expiry (null: never) of a token that is not revoked nor expired at {@code now}, in one
	 * read (the token joined with its account); whether the account is enabled is for the caller to judge.
	 */
	public Optional<TokenCache.Loaded> findActive(String hash, Instant now) {
		return jdbc.sql("""
				SELECT a.id, a.username, a.display_name, a.role, a.enabled, a.created_at, t.expires_at
				FROM api_tokens t JOIN accounts a ON a.id = t.account_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)""")
			.params(hash, ts(now))
			.query((rs, n) -> new TokenCache.Loaded(AccountStore.account(rs), instant(rs.getTimestamp("expires_at"))))
			.optional();
	}

	/**
	 * Writes when tokens (by hash) were last used, in one batch and one transaction; a token's time is only moved
	 * forward, and only where it is older than {@code precision} (another node may have written it meanwhile).
	 */
	public void markUsed(Map<String, Instant> uses, Duration precision) {
		if (uses.isEmpty()) {
			return;
		}
		List<Object[]> rows = uses.entrySet().stream()
			.sorted(Map.Entry.comparingByKey()) // one order on every node: two batches never wait on each other
			.map(u -> new Object[] { ts(u.getValue()), u.getKey(), ts(u.getValue().minus(precision)) })
			.toList();
		transactions.executeWithoutResult(status -> batch.batchUpdate(
				"UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
				rows));
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
