package dev.parley.live;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.parley.common.NotFoundException;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.Presentities;
import dev.parley.presence.PresentityId;
import dev.parley.presence.SubscribeResult;
import dev.parley.presence.Subscription;
import dev.parley.presence.SubscriptionState;
import dev.parley.presence.Watcher;
import dev.parley.presence.Watchers;

/**
 * What a live connection watches: a customer's page subscribes to its own presence (and hears about its
 * watchers); an agent's workstation subscribes, as the agent, to the customers who let agents watch them.
 * Each change becomes an HTML fragment for that viewer. Runs on the hub's push thread.
 */
@Component
class PresencePush {

	private static final Duration EXPIRES = Duration.ofHours(1);

	private record Target(LiveConnection connection, Watcher watcher, UUID customer, String name, boolean self) {
	}

	private final Map<dev.parley.presence.SubscriptionId, Target> targets = new ConcurrentHashMap<>();
	private final Presence presence;
	private final Presentities presentities;
	private final PresencePrivacy privacy;
	private final IdentityManagement identity;
	private final Fragments fragments;
	private final LiveSettings settings;

	PresencePush(Presence presence, Presentities presentities, PresencePrivacy privacy, IdentityManagement identity,
			Fragments fragments, LiveSettings settings) {
		this.presence = presence;
		this.presentities = presentities;
		this.privacy = privacy;
		this.identity = identity;
		this.fragments = fragments;
		this.settings = settings;
	}

	void start(LiveConnection c, LiveHub hub) {
		var viewer = c.viewer();
		if (c.wants(LiveConnection.Topic.ME) && viewer.role() == Role.CUSTOMER) {
			subscribe(c, viewer.account(), viewer.name(), true, hub);
			watchers(c, hub);
		}
		if (c.wants(LiveConnection.Topic.CUSTOMERS) && viewer.role().isStaff()) {
			for (UUID customer : privacy.watchableByAgent(viewer.account(), settings.panelSize())) {
				identity.find(new AccountId(customer))
					.ifPresent(a -> subscribe(c, customer, a.displayName(), false, hub));
			}
		}
	}

	void stop(LiveConnection c) {
		for (var id : c.subscriptions()) {
			Target t = targets.remove(id);
			if (t != null) {
				try {
					presence.unsubscribe(t.watcher(), id);
				}
				catch (NotFoundException alreadyGone) {
					// expired or ended meanwhile
				}
			}
		}
	}

	void presence(Subscription s, PresenceDocument doc, LiveHub hub) {
		Target t = targets.get(s.id());
		if (t != null) {
			send(t, s, doc, hub);
		}
	}

	void ended(Subscription s, LiveHub hub) {
		Target t = targets.remove(s.id());
		if (t != null && !t.self() && t.connection().isOpen()) {
			hub.send(t.connection(), "swap", fragments.customerRow(t.connection().viewer(), Fragments.CustomerRow
				.of(t.customer().toString(), t.name(), "ended", PresenceDocument.neutral(s.presentity()))));
		}
	}

	void watchers(LiveConnection c, LiveHub hub) {
		hub.send(c, "swap", fragments.watchers(c.viewer(), privacy.watchers(c.viewer().account())));
	}

	private void subscribe(LiveConnection c, UUID customer, String name, boolean self, LiveHub hub) {
		PresentityId target = PresentityId.customer(customer);
		if (!presentities.ensure(target)) {
			return;
		}
		Watcher watcher = Watchers.forAccount(c.viewer().account(), c.viewer().role(), target);
		if (presence.subscribe(watcher, target, EXPIRES) instanceof SubscribeResult.Subscribed ok) {
			Target t = new Target(c, watcher, customer, name, self);
			targets.put(ok.subscription().id(), t);
			c.subscribed(ok.subscription().id());
			send(t, ok.subscription(), ok.document(), hub);
		}
	}

	private void send(Target t, Subscription s, PresenceDocument doc, LiveHub hub) {
		var viewer = t.connection().viewer();
		String html = t.self() ? fragments.myStatus(viewer, doc)
				: fragments.customerRow(viewer, Fragments.CustomerRow.of(t.customer().toString(), t.name(),
						s.state() instanceof SubscriptionState.Pending ? "pending" : "active", doc));
		hub.send(t.connection(), "swap", html);
	}
}
