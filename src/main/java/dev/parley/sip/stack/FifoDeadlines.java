package dev.parley.sip.stack;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Deadlines that all lie the same time ahead of when they are set (a retransmission level, Timer J): a queue in
 * the order they were set is also in deadline order, so setting one is O(1) and nothing is ever cancelled (the
 * action checks whether it still applies). Adds from several threads may interleave by a few microseconds.
 */
final class FifoDeadlines<T> {

	private record Entry<T>(T item, long due) {
	}

	private final ConcurrentLinkedQueue<Entry<T>> queue = new ConcurrentLinkedQueue<>();

	private final long delayNanos;

	FifoDeadlines(long delayMillis) {
		this.delayNanos = delayMillis * 1_000_000L;
	}

	void add(T item, long nowNanos) {
		queue.add(new Entry<>(item, nowNanos + delayNanos));
	}

	/** Runs {@code action} for every item whose deadline has come, in order. */
	void expire(long nowNanos, Consumer<T> action) {
		for (Entry<T> e = queue.peek(); e != null && e.due() - nowNanos <= 0; e = queue.peek()) {
			queue.poll();
			action.accept(e.item());
		}
	}
}
