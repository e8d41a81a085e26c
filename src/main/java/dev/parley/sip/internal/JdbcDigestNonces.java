package dev.parley.sip.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link DigestNonces} on {@code sip_digest_keys} and {@code sip_digest_nonces}, shared by every node on the database.
 * A use is a conditional write: {@code UPDATE ... SET nc = ? WHERE nonce = ? AND nc < ?} (one row: taken), else the
 * first use's insert where the nonce is not there yet (none inserted, or a duplicate key when another node's first
 * use came in between: the update is tried once more). Each statement commits on its own; two uses, on one node or
 * two, can never both take the same nonce-count.
 */
@Repository
@ConditionalOnProperty(prefix = "parley.sip", name = "enabled", havingValue = "true", matchIfMissing = true)
public class JdbcDigestNonces implements DigestNonces {

	private static final String RAISE = "UPDATE sip_digest_nonces SET nc = ? WHERE nonce = ? AND nc < ?";

	/** The first use: inserts nothing (no error) when the nonce is there already. */
	private static final String FIRST = """
			INSERT INTO sip_digest_nonces (nonce, nc, expires_at)
			SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sip_digest_nonces WHERE nonce = ?)""";

	private final JdbcTemplate jdbc;

	private volatile byte[] key;

	public JdbcDigestNonces(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public byte[] key() {
		byte[] k = key;
		if (k == null) {
			k = loadOrMake();
			key = k;
		}
		return k.clone();
	}

	private byte[] loadOrMake() {
		var stored = jdbc.queryForList("SELECT secret FROM sip_digest_keys WHERE id = 1", String.class);
		if (stored.isEmpty()) {
			byte[] made = new byte[32];
			new SecureRandom().nextBytes(made);
			try {
				jdbc.update("INSERT INTO sip_digest_keys (id, secret, created_at) VALUES (1, ?, ?)",
						Base64.getUrlEncoder().withoutPadding().encodeToString(made), Timestamp.from(Instant.now()));
				return made;
			}
			catch (DuplicateKeyException e) {
				// another node made it first: use theirs
				stored = jdbc.queryForList("SELECT secret FROM sip_digest_keys WHERE id = 1", String.class);
			}
		}
		return Base64.getUrlDecoder().decode(stored.get(0));
	}

	@Override
	public boolean use(String nonce, long nc, Instant expiresAt) {
		if (nc > 1 && jdbc.update(RAISE, nc, nonce, nc) == 1) {
			return true;
		}
		try {
			if (jdbc.update(FIRST, nonce, nc, Timestamp.from(expiresAt), nonce) == 1) {
				return true;
			}
		}
		catch (DuplicateKeyException e) {
			// another first use came in between
		}
		return jdbc.update(RAISE, nc, nonce, nc) == 1;
	}

	@Override
	public void expire(Instant now) {
		jdbc.update("DELETE FROM sip_digest_nonces WHERE expires_at < ?", Timestamp.from(now));
	}
}
