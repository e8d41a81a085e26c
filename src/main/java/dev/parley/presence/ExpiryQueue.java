package dev.parley.presence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Deadlines of all subscriptions in one priority queue, swept by one scheduler: no timer per
 * subscription. A refresh adds a new deadline; the old one is recognised as stale when it comes up.
 * Ended and refreshed subscriptions leave stale deadlines behind; when the queue has grown to twice what
 * was current at the last compaction, the stale ones are dropped (amortised), so churn (subscribe,
 * un-subscribe, thousands a second) cannot hold every ended subscription until its old deadline.
 */
final class ExpiryQueue {

	private record Deadline(long at, Subscription subscription) {
	}

	private static final int MIN_COMPACT = 1024;

	private PriorityQueue<Deadline> queue = new PriorityQueue<>(Comparator.comparingLong(Deadline::at));

	private int compactAt = MIN_COMPACT;

	synchronized void add(Subscription subscription, long at) {
		queue.add(new Deadline(at, subscription));
		if (queue.size() >= compactAt) {
			compact();
		}
	}

	private void compact() {
		PriorityQueue<Deadline> current = new PriorityQueue<>(Comparator.comparingLong(Deadline::at));
		for (Deadline d : queue) {
			if (isCurrent(d)) {
				current.add(d);
			}
		}
		queue = current;
		compactAt = Math.max(MIN_COMPACT, 2 * current.size());
	}

	private static boolean isCurrent(Deadline d) {
		return !d.subscription().state().isTerminated() && d.subscription().expiresAtMillis() == d.at();
	}

	/** Removes and returns the subscriptions whose current deadline is at or before {@code now}. */
	synchronized List<Subscription> due(long now) {
		List<Subscription> due = new ArrayList<>();
		while (!queue.isEmpty() && queue.peek().at() <= now) {
			Deadline d = queue.poll();
			if (isCurrent(d)) {
				due.add(d.subscription());
			}
		}
		return due;
	}

	synchronized int size() {
		return queue.size();
	}
}
