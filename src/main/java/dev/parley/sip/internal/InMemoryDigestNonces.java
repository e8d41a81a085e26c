package dev.parley.sip.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DigestNonces} in memory, for one node (the unit tests'). */
final class InMemoryDigestNonces implements DigestNonces {

	private record Used(long nc, Instant expiresAt) {
	}

	private final byte[] key = new byte[32];

	private final Map<String, Used> used = new ConcurrentHashMap<>();

	InMemoryDigestNonces() {
		new SecureRandom().nextBytes(key);
	}

	@Override
	public byte[] key() {
		return key.clone();
	}

	@Override
	public boolean use(String nonce, long nc, Instant expiresAt) {
		boolean[] taken = { false };
		used.compute(nonce, (k, before) -> {
			if (before != null && before.nc() >= nc) {
				return before;
			}
			taken[0] = true;
			return new Used(nc, expiresAt);
		});
		return taken[0];
	}

	@Override
	public void expire(Instant now) {
		used.values().removeIf(u -> u.expiresAt().isBefore(now));
	}
}
