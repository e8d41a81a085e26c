package dev.parley.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;

/** The digest_credentials table: HA1 values of passwords and API tokens, per realm and algorithm. */
@Repository
public class DigestStore {

	/**
	 * One HA1 of an enabled account (a password's, or an unrevoked token's), with the account and the token's
	 * expiry (null: the password's, or a token that does not expire).
	 */
	public record Ha1(Account account, String ha1, Instant expiresAt) {

		/** Checked when an answer is verified, not when the row was read (rows are kept a while, see DigestCache). */
		public boolean usableAt(Instant now) {
			return expiresAt == null || expiresAt.isAfter(now);
		}
	}

	private final JdbcClient jdbc;

	private final DigestCache cache;

	DigestStore(JdbcClient jdbc, DigestCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/** A password's or a token's HA1; the account's kept rows are evicted (see {@link DigestCache}). */
	public void insert(AccountId account, UUID tokenId, String realm, String algorithm, String ha1, Instant now) {
		jdbc.sql("""
				INSERT INTO digest_credentials (id, account_id, token_id, realm, algorithm, ha1, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), account.value(), tokenId, realm, algorithm, ha1, Timestamp.from(now))
			.update();
		cache.evict(account);
	}

	/**
	 * The HA1 values an answer by this user may match: the password's and those of unrevoked tokens not expired
	 * at {@code now} (each with its expiry, as a later check must hold too).
	 */
	public List<Ha1> usable(String username, String realm, String algorithm, Instant now) {
		return jdbc.sql("""
				SELECT a.id, a.username, a.display_name, a.role, a.enabled, a.created_at, d.ha1, t.expires_at
				FROM digest_credentials d
				JOIN accounts a ON a.id = d.account_id
				LEFT JOIN api_tokens t ON t.id = d.token_id
				WHERE a.username_key = ? AND a.enabled = TRUE AND d.realm = ? AND d.algorithm = ?
				AND (d.token_id IS NULL OR (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)))""")
			.params(AccountStore.key(username), realm, algorithm, Timestamp.from(now))
			.query((rs, n) -> {
				Timestamp expires = rs.getTimestamp("expires_at");
				return new Ha1(AccountStore.account(rs), rs.getString("ha1"), expires == null ? null : expires.toInstant());
			})
			.list();
	}
}
