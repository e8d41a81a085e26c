package dev.parley.identity;

/**
 * What a client answered to a digest challenge, reduced to what the identity module needs to check it without
 * knowing the protocol: the expected response is {@code H(HA1 ":" middle ":" ha2)}, where the protocol adapter
 * computes {@code ha2 = H(method ":" digest-uri)} and {@code middle} is {@code nonce} or
 * {@code nonce ":" nc ":" cnonce ":" qop} (RFC 2617 s3.2.2.1, RFC 7616 s3.4.1).
 */
public record DigestAnswer(String username, DigestAlgorithm algorithm, String middle, String ha2, String response) {
}
