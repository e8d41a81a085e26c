package dev.parley.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The chat senders' answer times (written to answered), kept until read: at most about a million between reads. */
final class AnswerTimes {

	private final long[] nanos = new long[1 << 20];
	private final AtomicInteger count = new AtomicInteger();

	void add(long answerNanos) {
		int n = count.getAndIncrement();
		if (n < nanos.length) {
			nanos[n] = answerNanos;
		}
	}

	/** The times so far as "p50 / p99 / max ms over n", and forgets them. */
	String take() {
		int n = Math.min(count.getAndSet(0), nanos.length);
		if (n == 0) {
			return "no answers";
		}
		long[] s = Arrays.copyOf(nanos, n);
		Arrays.sort(s);
		return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f ms over %,d", s[n / 2] / 1e6,
				s[(int) (n * 0.99)] / 1e6, s[n - 1] / 1e6, n);
	}
}
