package dev.parley.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (an after-commit listener, the routing thread) to happen. */
public final class Eventually {

	private Eventually() {
	}

	/** The first non-null value within 10 s; fails the test otherwise. */
	public static <T> T value(Supplier<T> value) {
		return value(Duration.ofSeconds(10), value);
	}

	public static <T> T value(Duration within, Supplier<T> value) {
		long end = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < end) {
			T v = value.get();
			if (v != null) {
				return v;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("not within " + within.toSeconds() + " s");
	}
}
