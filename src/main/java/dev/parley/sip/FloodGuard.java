package dev.parley.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: {@code perSecond} requests a second with bursts of twice that. A source
 * past it gets 503 with Retry-After; others are not affected. Idle buckets are swept; the map is bounded.
 */
final class FloodGuard {

	private static final int MAX_SOURCES = 10_000;

	private final double perMilli;

	private final double burst;

	private final LongSupplier millis;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private static final class Bucket {
		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}
	}

	FloodGuard(int perSecond, LongSupplier millis) {
		this.perMilli = perSecond / 1000.0;
		this.burst = Math.max(1, perSecond * 2.0);
		this.millis = millis;
	}

	boolean admit(String source) {
		long now = millis.getAsLong();
		if (buckets.size() >= MAX_SOURCES && !buckets.containsKey(source)) {
			sweep();
		}
		Bucket b = buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
		synchronized (b) {
			b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMilli);
			b.at = now;
			if (b.tokens < 1) {
				return false;
			}
			b.tokens -= 1;
			return true;
		}
	}

	/** Forgets sources whose bucket is full again (idle long enough). */
	void sweep() {
		long now = millis.getAsLong();
		buckets.values().removeIf(b -> {
			synchronized (b) {
				return b.tokens + (now - b.at) * perMilli >= burst;
			}
		});
	}
}
