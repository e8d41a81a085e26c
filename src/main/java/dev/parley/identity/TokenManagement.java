package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.identity.internal.TokenCache;
import dev.parley.identity.internal.TokenStore;
import dev.parley.identity.internal.TokenUses;

/**
 * Bearer tokens for API clients. A token is 32 random bytes; only its SHA-256 hash is stored, so a
 * leaked database does not leak usable tokens. A token also serves as a SIP digest password: its HA1 for the
 * configured realm is kept too ({@link DigestCredentials}).
 */
@Service
public class TokenManagement {

	public static final String SECRET_PREFIX = "pk_";

	private final SecureRandom random = new SecureRandom();
	private final TokenStore tokens;
	private final TokenCache cache;
	private final TokenUses uses;
	private final IdentityManagement identity;
	private final DigestCredentials digest;
	private final Clock clock;

	TokenManagement(TokenStore tokens, TokenCache cache, TokenUses uses, IdentityManagement identity,
			DigestCredentials digest, Optional<Clock> clock) {
		this.tokens = tokens;
		this.cache = cache;
		this.uses = uses;
		this.identity = identity;
		this.digest = digest;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Creates a token; {@code validDays} null means it does not expire. */
	@Transactional
	public IssuedToken issue(AccountId owner, String name, Integer validDays) {
		new Violations().required(name, "name").text(name, 80, "name")
			.check(validDays != null && (validDays < 1 || validDays > 3650), "validDays", "range",
					"must be between 1 and 3650")
			.throwIfAny();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
		Instant expires = validDays == null ? null : now.plus(validDays, ChronoUnit.DAYS);
		var token = new ApiToken(UUID.randomUUID(), name.trim(), secret.substring(0, 10), now, expires, null, null);
		tokens.insert(owner, token, hash(secret));
		digest.storeToken(identity.get(owner), token.id(), secret);
		return new IssuedToken(token, secret);
	}

	public List<ApiToken> list(AccountId owner) {
		return tokens.findByOwner(owner);
	}

	/** Revokes one of the owner's tokens; someone else's token is "not found". */
	@Transactional
	public void revoke(AccountId owner, UUID tokenId) {
		if (!tokens.revoke(owner, tokenId, Instant.now(clock))) {
			throw new NotFoundException("token");
		}
	}

	/**
	 * The account a presented secret belongs to, if the token is known, active and the account enabled. Known tokens
	 * are kept a short while and read again ahead of time ({@link TokenCache}); the use is noted for a later batch
	 * ({@link TokenUses}). No transaction, and no write on the request's thread.
	 */
	public Optional<Account> authenticate(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		String hash = hash(secret);
		Optional<Account> account = cache.account(hash, now,
				() -> tokens.findActive(hash, Instant.now(clock)).filter(t -> t.account().enabled()));
		account.ifPresent(a -> uses.note(hash, now));
		return account;
	}

	static String hash(String secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
