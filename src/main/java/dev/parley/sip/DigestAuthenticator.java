package dev.parley.sip;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.identity.Account;
import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.DigestAnswer;

/**
 * Digest authentication of SIP requests (RFC 3261 s22, RFC 2617 MD5, RFC 8760 SHA-256, qop=auth). Nonces
 * are stateless: their expiry and an HMAC of it under a per-process key, so no nonce table can be flooded.
 * No answer: 401 with a challenge per algorithm. A nonce that is not ours: a new 401. Wrong credentials: 403.
 * Right credentials on an expired nonce: 401 with {@code stale=true}. A username and source address the sign-in
 * throttle has locked after too many wrong answers: 503 with Retry-After (RFC 3261 s21.5.4), before the answer is
 * checked, so a right answer waits too (SIP's 429 means something else, RFC 3892).
 */
final class DigestAuthenticator {

	/** Checks an answer against the stored HA1 values (the identity module in the application). */
	@FunctionalInterface
	interface Verifier {
		Optional<Account> verify(DigestAnswer answer);
	}

	/** The sign-in throttle (the identity module's in the application): asked first, told each answer's fate. */
	interface Throttle {

		Throttle NONE = new Throttle() {
		};

		default Optional<Duration> refusal(String username, String source) {
			return Optional.empty();
		}

		default void failed(String username, String source) {
		}

		default void succeeded(String username, String source) {
		}
	}

	sealed interface Outcome {
	}

	record Authenticated(Account account) implements Outcome {
	}

	record Refused(SipResponse response) implements Outcome {
	}

	private final Verifier verifier;

	private final String realm;

	private final long lifetimeMillis;

	private final Clock clock;

	private final List<DigestAlgorithm> offered;

	private final Throttle throttle;

	private final byte[] key = new byte[32];

	DigestAuthenticator(Verifier verifier, String realm, Duration lifetime, Clock clock, List<DigestAlgorithm> offered) {
		this(verifier, Throttle.NONE, realm, lifetime, clock, offered);
	}

	DigestAuthenticator(Verifier verifier, Throttle throttle, String realm, Duration lifetime, Clock clock,
			List<DigestAlgorithm> offered) {
		this.verifier = verifier;
		this.throttle = throttle;
		this.realm = realm;
		this.lifetimeMillis = lifetime.toMillis();
		this.clock = clock;
		this.offered = List.copyOf(offered);
		new SecureRandom().nextBytes(key);
	}

	Outcome authenticate(SipRequest request) {
		String header = request.header("Authorization");
		if (header == null) {
			return challenge(false, "Unauthorized");
		}
		Map<String, String> p = DigestParameters.parse(header);
		Optional<DigestAlgorithm> alg = DigestAlgorithm.ofToken(p.get("algorithm"));
		String nonce = p.get("nonce");
		if (p.isEmpty() || alg.isEmpty() || !offered.contains(alg.get()) || !realm.equals(p.get("realm"))
				|| p.get("uri") == null || nonce == null || !ours(nonce)) {
			return challenge(false, "Unauthorized");
		}
		String qop = p.get("qop");
		if (qop != null && !"auth".equals(qop)) {
			return challenge(false, "Unauthorized");
		}
		String middle = qop == null ? nonce : nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop;
		String ha2 = alg.get().hash(request.method() + ":" + p.get("uri"));
		Optional<Duration> wait = throttle.refusal(p.get("username"), request.source());
		if (wait.isPresent()) {
			return new Refused(SipResponse.of(503, "Service Unavailable (too many failed sign-ins)")
				.with("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds()))));
		}
		Optional<Account> account = verifier.verify(new DigestAnswer(p.get("username"), alg.get(), middle, ha2,
				p.get("response")));
		if (account.isEmpty()) {
			throttle.failed(p.get("username"), request.source());
			return new Refused(SipResponse.of(403, "Forbidden"));
		}
		throttle.succeeded(p.get("username"), request.source());
		if (expired(nonce)) {
			return challenge(true, "Unauthorized (stale nonce)");
		}
		return new Authenticated(account.get());
	}

	/** The 401 with one WWW-Authenticate per offered algorithm, the preferred first (RFC 8760 s2.4). */
	Refused challenge(boolean stale, String reason) {
		String nonce = newNonce();
		SipResponse r = SipResponse.of(401, reason);
		for (DigestAlgorithm a : offered) {
			r = r.with("WWW-Authenticate", "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm="
					+ a.token() + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
		}
		return new Refused(r);
	}

	String newNonce() {
		ByteBuffer b = ByteBuffer.allocate(8).putLong(clock.millis() + lifetimeMillis);
		return encode(b.array()) + "." + encode(mac(b.array()));
	}

	private boolean ours(String nonce) {
		int dot = nonce.indexOf('.');
		try {
			byte[] expiry = Base64.getUrlDecoder().decode(nonce.substring(0, Math.max(dot, 0)));
			byte[] given = Base64.getUrlDecoder().decode(nonce.substring(dot + 1));
			return dot > 0 && expiry.length == 8 && MessageDigest.isEqual(mac(expiry), given);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private boolean expired(String nonce) {
		byte[] expiry = Base64.getUrlDecoder().decode(nonce.substring(0, nonce.indexOf('.')));
		return ByteBuffer.wrap(expiry).getLong() < clock.millis();
	}

	private byte[] mac(byte[] data) {
		Mac mac = macs.get(); // doFinal leaves it keyed and reset for the next use
		mac.update(realm.getBytes(StandardCharsets.UTF_8));
		byte[] full = mac.doFinal(data);
		return java.util.Arrays.copyOf(full, 16);
	}

	/** One keyed HMAC per thread: looking it up and keying it cost more than the MAC itself. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	});

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
