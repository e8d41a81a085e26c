package dev.parley.sip.internal;

import java.time.Instant;

/**
 * What digest authentication must share between nodes: the key nonces are signed with (so that a nonce one node gave
 * is good on another), and the nonce-counts used with each nonce (so that an answer, once taken, is refused on every
 * node). Only nonces whose answer was right are recorded.
 */
public interface DigestNonces {

	/** The key every node signs nonces with (32 bytes, the same for every node sharing the database). */
	byte[] key();

	/**
	 * Records that {@code nonce} (good until {@code expiresAt}) was used with nonce-count {@code nc}: true when no use
	 * of it so far had a count as high (its first use included), false for a replay.
	 */
	boolean use(String nonce, long nc, Instant expiresAt);

	/** Forgets the nonces that expired before {@code now}: their answers are refused as stale anyway. */
	void expire(Instant now);

	/** In memory: one node's, for the unit tests. */
	static DigestNonces inMemory() {
		return new InMemoryDigestNonces();
	}
}
