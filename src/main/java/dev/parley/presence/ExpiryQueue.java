package dev.parley.presence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Deadlines of all subscriptions in one priority queue, swept by one scheduler: no timer per
 * subscription. A refresh adds a new deadline; the old one is recognised as stale when it comes up.
 */
final class ExpiryQueue {

	private record Deadline(long at, Subscription subscription) {
	}

	private final PriorityQueue<Deadline> queue = new PriorityQueue<>(Comparator.comparingLong(Deadline::at));

	synchronized void add(Subscription subscription, long at) {
		queue.add(new Deadline(at, subscription));
	}

	/** Removes and returns the subscriptions whose current deadline is at or before {@code now}. */
	synchronized List<Subscription> due(long now) {
		List<Subscription> due = new ArrayList<>();
		while (!queue.isEmpty() && queue.peek().at() <= now) {
			Deadline d = queue.poll();
			Subscription s = d.subscription();
			if (!s.state().isTerminated() && s.expiresAtMillis() == d.at()) {
				due.add(s);
			}
		}
		return due;
	}

	synchronized int size() {
		return queue.size();
	}
}
