package dev.parley.sip;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.identity.Account;
import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.DigestAnswer;
import dev.parley.sip.internal.DigestNonces;

/**
 * Digest authentication of SIP requests (RFC 3261 s22, RFC 2617 MD5, RFC 8760 SHA-256, qop auth and auth-int). A
 * nonce is stateless: its expiry and 8 random bytes with an HMAC of them under the key every node shares
 * ({@link DigestNonces#key()}), so no table of handed-out nonces can be flooded and a nonce one node gave is good on
 * another. An answer is taken once: its nonce-count must be higher than any used with that nonce before, on any node
 * (a conditional write, {@link DigestNonces#use}); without qop a nonce is good for one request.
 * No answer: 401 with a challenge per algorithm. A nonce that is not ours: a new 401. Wrong credentials: 403.
 * Right credentials on an expired nonce, or with a nonce-count used already (a replay, or a client that lost count):
 * 401 with {@code stale=true} and a fresh nonce, which an honest client answers without asking its user again.
 * A username and source address the sign-in throttle has locked after too many wrong answers: 503 with Retry-After (RFC 3261 s21.5.4), before the answer is
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

	private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{1,8}");

	private final Verifier verifier;

	private final String realm;

	private final long lifetimeMillis;

	private final Clock clock;

	private final List<DigestAlgorithm> offered;

	private final Throttle throttle;

	private final DigestNonces nonces;

	private final ThreadLocal<Mac> macs;

	private final SecureRandom random = new SecureRandom();

	DigestAuthenticator(Verifier verifier, String realm, Duration lifetime, Clock clock, List<DigestAlgorithm> offered,
			DigestNonces nonces) {
		this(verifier, Throttle.NONE, realm, lifetime, clock, offered, nonces);
	}

	DigestAuthenticator(Verifier verifier, Throttle throttle, String realm, Duration lifetime, Clock clock,
			List<DigestAlgorithm> offered, DigestNonces nonces) {
		this.verifier = verifier;
		this.throttle = throttle;
		this.realm = realm;
		this.lifetimeMillis = lifetime.toMillis();
		this.clock = clock;
		this.offered = List.copyOf(offered);
		this.nonces = nonces;
		this.macs = macs(nonces.key());
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
		long nc = nonceCount(qop, p.get("nc"));
		if (nc <= 0) {
			return challenge(false, "Unauthorized");
		}
		String middle = qop == null ? nonce : nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop;
		String a2 = request.method() + ":" + p.get("uri");
		String ha2 = alg.get().hash("auth-int".equals(qop) ? a2 + ":" + alg.get().hash(request.body()) : a2);
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
		if (expiry(nonce) < clock.millis()) {
			return challenge(true, "Unauthorized (stale nonce)");
		}
		if (!nonces.use(nonce, nc, Instant.ofEpochMilli(expiry(nonce)))) {
			return challenge(true, "Unauthorized (nonce used)");
		}
		return new Authenticated(account.get());
	}

	/** The answer's nonce-count: 1 without qop (the nonce is good once), 0 when unusable. */
	private static long nonceCount(String qop, String nc) {
		if (qop == null) {
			return 1;
		}
		if (!"auth".equals(qop) && !"auth-int".equals(qop) || nc == null || !NONCE_COUNT.matcher(nc).matches()) {
			return 0;
		}
		return Long.parseLong(nc, 16);
	}

	/** The 401 with one WWW-Authenticate per offered algorithm, the preferred first (RFC 8760 s2.4). */
	Refused challenge(boolean stale, String reason) {
		String nonce = newNonce();
		SipResponse r = SipResponse.of(401, reason);
		for (DigestAlgorithm a : offered) {
			r = r.with("WWW-Authenticate", "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm="
					+ a.token() + ", qop=\"auth,auth-int\"" + (stale ? ", stale=true" : ""));
		}
		return new Refused(r);
	}

	/** Its expiry and 8 random bytes (so no two are alike), then their HMAC: {@code <base64url>.<base64url>}. */
	String newNonce() {
		byte[] salt = new byte[8];
		random.nextBytes(salt);
		byte[] data = ByteBuffer.allocate(16).putLong(clock.millis() + lifetimeMillis).put(salt).array();
		return encode(data) + "." + encode(mac(data));
	}

	private boolean ours(String nonce) {
		int dot = nonce.indexOf('.');
		try {
			byte[] data = Base64.getUrlDecoder().decode(nonce.substring(0, Math.max(dot, 0)));
			byte[] given = Base64.getUrlDecoder().decode(nonce.substring(dot + 1));
			return dot > 0 && data.length == 16 && MessageDigest.isEqual(mac(data), given);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static long expiry(String nonce) {
		byte[] data = Base64.getUrlDecoder().decode(nonce.substring(0, nonce.indexOf('.')));
		return ByteBuffer.wrap(data).getLong();
	}

	private byte[] mac(byte[] data) {
		Mac mac = macs.get(); // doFinal leaves it keyed and reset for the next use
		mac.update(realm.getBytes(StandardCharsets.UTF_8));
		byte[] full = mac.doFinal(data);
		return java.util.Arrays.copyOf(full, 16);
	}

	/** One keyed HMAC per thread: looking it up and keying it cost more than the MAC itself. */
	private static ThreadLocal<Mac> macs(byte[] key) {
		return ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
