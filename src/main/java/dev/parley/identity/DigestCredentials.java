package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.parley.identity.internal.DigestCache;
import dev.parley.identity.internal.DigestStore;

/**
 * Digest credentials (RFC 3261 s22, RFC 2617, RFC 8760) for protocols that cannot send a password, such as
 * SIP. Passwords are stored as bcrypt, which a digest response cannot be checked against, so when a password
 * is set or an API token issued, the HA1 {@code H(username ":" realm ":" secret)} of the configured realm is
 * stored for each algorithm; an HA1 only opens that realm (see docs/decisions/0004-sip-digest-credentials.md).
 * The usable HA1 values of a username are kept a few seconds ({@link DigestCache}), so a verification usually
 * reads no table; every change to them evicts at once.
 */
@Service
public class DigestCredentials {

	private final DigestStore store;

	private final DigestCache cache;

	private final String realm;

	private final Clock clock;

	DigestCredentials(DigestStore store, DigestCache cache, IdentitySettings settings, Optional<Clock> clock) {
		this.store = store;
		this.cache = cache;
		this.realm = settings.digestRealm();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The realm every stored HA1 belongs to. */
	public String realm() {
		return realm;
	}

	/**
	 * The enabled account whose password or active token produced this answer, if any. No transaction: a kept
	 * answer needs no connection, a read is one query.
	 */
	public Optional<Account> verify(DigestAnswer answer) {
		if (answer.username() == null || answer.response() == null || answer.username().length() > 100) {
			return Optional.empty();
		}
		DigestAlgorithm alg = answer.algorithm();
		byte[] given = answer.response().toLowerCase().getBytes(StandardCharsets.US_ASCII);
		Instant now = Instant.now(clock);
		var rows = cache.usable(answer.username(), alg.token(), () -> store.usable(answer.username(), realm, alg.token(), now));
		for (DigestStore.Ha1 row : rows) {
			if (!row.usableAt(now)) {
				continue; // a token that expired since its row was read
			}
			String expected = alg.hash(row.ha1() + ":" + answer.middle() + ":" + answer.ha2());
			if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
				return Optional.of(row.account()); // the query reads enabled accounts only
			}
		}
		return Optional.empty();
	}

	void storePassword(Account account, String password) {
		store(account, null, password);
	}

	void storeToken(Account account, UUID tokenId, String secret) {
		store(account, tokenId, secret);
	}

	private void store(Account account, UUID tokenId, String secret) {
		Instant now = Instant.now(clock);
		for (DigestAlgorithm alg : DigestAlgorithm.values()) {
			String ha1 = alg.hash(account.username() + ":" + realm + ":" + secret);
			store.insert(account.id(), tokenId, realm, alg.token(), ha1, now);
		}
	}
}
