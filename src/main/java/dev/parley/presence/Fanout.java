package dev.parley.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Sends filtered documents to the {@link Notifier}, at most one per subscription per notify interval
 * (RFC 3856 rate limiting): inside the interval the latest document waits in the subscription and
 * replaces any earlier one (last state wins), and {@link #flush} sends it when the interval is over.
 * Callers hold the subscription's presentity lock.
 */
final class Fanout {

	private final Notifier notifier;

	private final long intervalMillis;

	private final Queue<Subscription> deferred = new ConcurrentLinkedQueue<>();

	Fanout(Notifier notifier, long intervalMillis) {
		this.notifier = notifier;
		this.intervalMillis = intervalMillis;
	}

	Notifier notifier() {
		return notifier;
	}

	long intervalMillis() {
		return intervalMillis;
	}

	void deliver(Subscription s, PresenceDocument doc, long now) {
		if (intervalMillis == 0 || now >= s.nextNotifyAt) {
			s.pending = null;
			if (doc != s.lastSent) {
				send(s, doc, now);
			}
		}
		else if (doc == s.lastSent) {
			s.pending = null;
		}
		else {
			boolean queued = s.pending != null;
			s.pending = doc;
			if (!queued) {
				deferred.add(s);
			}
		}
	}

	/** Sends at once, whatever the interval (the first state after approval). */
	void send(Subscription s, PresenceDocument doc, long now) {
		s.lastSent = doc;
		s.nextNotifyAt = now + intervalMillis;
		notifier.notify(s, doc);
	}

	/** Sends the held-back documents whose interval is over; returns how many went out. */
	int flush(long now, Function<PresentityId, PresentityEntry> entries) {
		List<Subscription> notYet = new ArrayList<>();
		int sent = 0;
		for (int n = deferred.size(); n > 0; n--) {
			Subscription s = deferred.poll();
			PresentityEntry entry = s == null ? null : entries.apply(s.presentity());
			if (entry == null) {
				continue;
			}
			synchronized (entry) {
				if (s.pending == null || s.state().isTerminated()) {
					continue;
				}
				if (now < s.nextNotifyAt) {
					notYet.add(s);
					continue;
				}
				PresenceDocument doc = s.pending;
				s.pending = null;
				send(s, doc, now);
				sent++;
			}
		}
		deferred.addAll(notYet);
		return sent;
	}
}
