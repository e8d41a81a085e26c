package dev.parley.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.Credentials;
import dev.parley.identity.Role;

/**
 * The accounts table. A write that changes what digest verification reads of an account (a new username, its
 * name; an enabled flag or a password change would too) evicts the username's kept HA1 rows ({@link DigestCache}).
 */
@Repository
public class AccountStore {

	private static final String COLUMNS = "id, username, display_name, role, enabled, created_at, password_hash";

	private final JdbcClient jdbc;

	private final DigestCache cache;

	private final TokenCache tokens;

	AccountStore(JdbcClient jdbc, DigestCache cache, TokenCache tokens) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.tokens = tokens;
	}

	public void insert(Account account, String passwordHash) {
		jdbc.sql("""
				INSERT INTO accounts (id, username, username_key, password_hash, display_name, role, enabled, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.id().value(), account.username(), key(account.username()), passwordHash, account.displayName(),
					account.role().name(), account.enabled(), Timestamp.from(account.createdAt()))
			.update();
		cache.evict(account.username()); // it may be kept as unknown
	}

	public Optional<Account> findById(AccountId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?").param(id.value())
			.query((rs, n) -> account(rs)).optional();
	}

	public Optional<Account> findByUsername(String username) {
		return findCredentials(username).map(Credentials::account);
	}

	public Optional<Credentials> findCredentials(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE username_key = ?").param(key(username))
			.query((rs, n) -> new Credentials(account(rs), rs.getString("password_hash"))).optional();
	}

	public void updateDisplayName(AccountId id, String displayName) {
		jdbc.sql("UPDATE accounts SET display_name = ? WHERE id = ?").params(displayName, id.value()).update();
		cache.evict(id); // digest verification hands out the account as kept
		tokens.evict(id); // and so does a kept API token
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
	}

	/** The case-blind form of a username that sign-in and digest look up (indexed, unique). */
	public static String key(String username) {
		return username.trim().toLowerCase(java.util.Locale.ROOT);
	}

	static Account account(ResultSet rs) throws SQLException {
		return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}
}
