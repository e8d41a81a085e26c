package dev.parley.live;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.parley.presence.Notifier;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Subscription;
import dev.parley.presence.WatcherInfo;

/**
 * The presence {@link Notifier} of live push. Called under a presentity's lock, so it only hands the
 * change to the hub's push thread. The hub is looked up lazily: it needs the presence service, which
 * needs this notifier.
 */
@Component
class LivePresenceNotifier implements Notifier {

	private final ObjectProvider<LiveHub> hub;

	LivePresenceNotifier(ObjectProvider<LiveHub> hub) {
		this.hub = hub;
	}

	@Override
	public void notify(Subscription subscription, PresenceDocument document) {
		hub.getObject().presenceChanged(subscription, document);
	}

	@Override
	public void terminated(Subscription subscription) {
		hub.getObject().subscriptionEnded(subscription);
	}

	@Override
	public void watcherChanged(PresentityId presentity, WatcherInfo info) {
		hub.getObject().watchersChanged(presentity);
	}
}
