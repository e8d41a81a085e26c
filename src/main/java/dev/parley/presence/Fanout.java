package dev.parley.presence;

/**
 * Sends filtered documents to the {@link Notifier}: a change goes to each subscription whose view of it differs
 * from the last one it was sent, at once. How often a protocol may notify is not decided here but where its
 * messages queue: SIP's NOTIFY rate limit (RFC 3856 s6.4, {@code parley.sip.notify-interval}) is the SIP adapter's;
 * the pages' live push has none. Callers hold the subscription's presentity lock.
 */
final class Fanout {

	private final Notifier notifier;

	Fanout(Notifier notifier) {
		this.notifier = notifier;
	}

	Notifier notifier() {
		return notifier;
	}

	/** Sends the subscription's view of a change, unless it is the view it was last sent. */
	void deliver(Subscription s, PresenceDocument doc) {
		if (doc != s.lastSent) {
			send(s, doc);
		}
	}

	/** Sends at once (the first state after approval, say). */
	void send(Subscription s, PresenceDocument doc) {
		s.lastSent = doc;
		notifier.notify(s, doc);
	}
}
