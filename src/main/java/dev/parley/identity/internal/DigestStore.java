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

	/** One usable HA1 of an enabled account (a password's, or an active token's), with the account. */
	public record Ha1(Account account, String ha1) {
	}

	private final JdbcClient jdbc;

	DigestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AccountId account, UUID tokenId, String realm, String algorithm, String ha1, Instant now) {
		jdbc.sql("""
				INSERT INTO digest_credentials (id, account_id, token_id, realm, algorithm, ha1, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), account.value(), tokenId, realm, algorithm, ha1, Timestamp.from(now))
			.update();
	}

	/** The HA1 values an answer by this user may match: the password's and those of unrevoked, unexpired tokens. */
	public List<Ha1> usable(String username, String realm, String algorithm, Instant now) {
		return jdbc.sql("""
				SELECT a.id, a.username, a.display_name, a.role, a.enabled, a.created_at, d.ha1
				FROM digest_credentials d
				JOIN accounts a ON a.id = d.account_id
				LEFT JOIN api_tokens t ON t.id = d.token_id
				WHERE a.username_key = ? AND a.enabled = TRUE AND d.realm = ? AND d.algorithm = ?
				AND (d.token_id IS NULL OR (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)))""")
			.params(AccountStore.key(username), realm, algorithm, Timestamp.from(now))
			.query((rs, n) -> new Ha1(AccountStore.account(rs), rs.getString("ha1")))
			.list();
	}
}
