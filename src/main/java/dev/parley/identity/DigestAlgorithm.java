package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The digest algorithms Parley keeps HA1 values for: MD5 (RFC 2617, what most SIP clients speak) and SHA-256 (RFC 8760). */
public enum DigestAlgorithm {
	MD5("MD5", "MD5"), SHA_256("SHA-256", "SHA-256");

	private final String token;

	private final String jcaName;

	DigestAlgorithm(String token, String jcaName) {
		this.token = token;
		this.jcaName = jcaName;
	}

	/** The name on the wire ({@code algorithm=MD5}) and in the store. */
	public String token() {
		return token;
	}

	/** The algorithm a challenge answer names; an absent parameter means MD5 (RFC 2617 s3.2.1). */
	public static Optional<DigestAlgorithm> ofToken(String token) {
		if (token == null || token.isEmpty()) {
			return Optional.of(MD5);
		}
		for (DigestAlgorithm a : values()) {
			if (a.token.equalsIgnoreCase(token)) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

	/** Lower-case hex of the digest of the UTF-8 text. */
	public String hash(String text) {
		MessageDigest digest = digests.get(); // digest() resets it for the next use
		return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Lower-case hex of the digest of the bytes (a message body, for {@code qop=auth-int}). */
	public String hash(byte[] bytes) {
		return HexFormat.of().formatHex(digests.get().digest(bytes));
	}

	/** One digest per thread: looking the algorithm up costs more than hashing a short text. */
	private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(this::newDigest);

	private MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(jcaName);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
