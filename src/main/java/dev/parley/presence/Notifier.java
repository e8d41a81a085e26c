package dev.parley.presence;

import java.util.List;

/**
 * The port the protocol adapters implement (SIP NOTIFY, live push): called on every change a subscription
 * may see, with the document already filtered for its watcher. Called on the publishing thread while the
 * presentity is locked: implementations must only hand off (enqueue), never block.
 */
public interface Notifier {

	/** A new state for an active subscription (or the first state after approval). */
	void notify(Subscription subscription, PresenceDocument document);

	/** The subscription ended ({@code subscription.state()} says why): send the final notification. */
	default void terminated(Subscription subscription) {
	}

	/** Watcher information of the presentity changed (RFC 3857): a watcher came, was approved, left. */
	default void watcherChanged(PresentityId presentity, WatcherInfo info) {
	}

	Notifier NONE = (subscription, document) -> {
	};

	/** Fans one call out to several adapters. */
	static Notifier all(List<? extends Notifier> notifiers) {
		List<Notifier> list = List.copyOf(notifiers);
		return new Notifier() {
			@Override
			public void notify(Subscription subscription, PresenceDocument document) {
				list.forEach(n -> n.notify(subscription, document));
			}

			@Override
			public void terminated(Subscription subscription) {
				list.forEach(n -> n.terminated(subscription));
			}

			@Override
			public void watcherChanged(PresentityId presentity, WatcherInfo info) {
				list.forEach(n -> n.watcherChanged(presentity, info));
			}
		};
	}
}
