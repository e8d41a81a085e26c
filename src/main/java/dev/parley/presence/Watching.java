package dev.parley.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.parley.common.NotFoundException;

/** The watcher side of {@link Presence}: fetch, subscriptions and expiry (approval: {@link Approvals}). */
final class Watching {

	private final Map<PresentityId, PresentityEntry> entries;

	private final Map<SubscriptionId, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final ExpiryQueue expiry = new ExpiryQueue();

	private final AccessPolicy policy;

	private final Fanout fanout;

	private final Clock clock;

	private final PresenceSettings settings;

	Watching(Map<PresentityId, PresentityEntry> entries, AccessPolicy policy, Fanout fanout, Clock clock,
			PresenceSettings settings) {
		this.entries = entries;
		this.policy = policy;
		this.fanout = fanout;
		this.clock = clock;
		this.settings = settings;
	}

	FetchResult fetch(Watcher watcher, PresentityId presentity) {
		PresentityEntry entry = entries.get(presentity);
		Optional<AccessDecision> decision = entry == null ? Optional.empty() : policy.decide(presentity, watcher);
		if (entry == null || refused(decision)) {
			return PresenceNotFound.INSTANCE;
		}
		return new FetchResult.Fetched(entry.view(visibility(decision)));
	}

	SubscribeResult subscribe(Watcher watcher, PresentityId presentity, Duration expires) {
		long seconds = expires == null ? settings.defaultExpires().toSeconds() : expires.toSeconds();
		if (tooBrief(seconds)) {
			return new SubscribeResult.IntervalTooBrief(settings.minExpires());
		}
		long now = clock.millis();
		return admit(watcher, presentity, seconds == 0 ? now : now + Math.min(seconds, settings.maxExpires().toSeconds()) * 1000);
	}

	/** A subscription that existed before a restart, admitted again under today's rules, until the same time. */
	SubscribeResult resume(Watcher watcher, PresentityId presentity, Instant expiresAt) {
		long until = Math.min(expiresAt.toEpochMilli(), clock.millis() + settings.maxExpires().toMillis());
		return until <= clock.millis() ? PresenceNotFound.INSTANCE : admit(watcher, presentity, until);
	}

	/** Admits a subscription until {@code until} ({@code now}: a fetch, terminated at once with reason timeout). */
	private SubscribeResult admit(Watcher watcher, PresentityId presentity, long until) {
		PresentityEntry entry = entries.get(presentity);
		Optional<AccessDecision> decision = entry == null ? Optional.empty() : policy.decide(presentity, watcher);
		if (entry == null || refused(decision)) {
			return PresenceNotFound.INSTANCE;
		}
		long now = clock.millis();
		Subscription s = new Subscription(new SubscriptionId(ids.incrementAndGet()), watcher, presentity, now);
		PresenceDocument first;
		synchronized (entry) {
			if (entry.removed) {
				return PresenceNotFound.INSTANCE;
			}
			first = admit(entry, s, decision, until);
			if (until <= now) {
				s.terminate(TerminationReason.TIMEOUT);
				return new SubscribeResult.Subscribed(s, first);
			}
			entry.subscribers.add(s);
			subscriptions.put(s.id(), s);
			expiry.add(s, until);
		}
		fanout.notifier().watcherChanged(presentity, s.watcherInfo(clock.instant()));
		return new SubscribeResult.Subscribed(s, first);
	}

	private PresenceDocument admit(PresentityEntry entry, Subscription s, Optional<AccessDecision> decision,
			long until) {
		if (decision.isEmpty() || decision.get().handling() == SubHandling.CONFIRM) {
			s.pend(until);
		}
		else {
			s.activate(visibility(decision), until);
		}
		PresenceDocument first = s.state() instanceof SubscriptionState.Pending ? entry.neutral
				: entry.view(s.visibility());
		s.lastSent = first;
		return first;
	}

	SubscribeResult refresh(Watcher watcher, SubscriptionId id, Duration expires) {
		Subscription s = owned(watcher, id);
		long seconds = expires == null ? settings.defaultExpires().toSeconds() : expires.toSeconds();
		if (s == null) {
			return PresenceNotFound.INSTANCE;
		}
		if (tooBrief(seconds)) {
			return new SubscribeResult.IntervalTooBrief(settings.minExpires());
		}
		PresentityEntry entry = entries.get(s.presentity());
		if (entry == null) {
			return PresenceNotFound.INSTANCE;
		}
		synchronized (entry) {
			if (s.state().isTerminated()) {
				return PresenceNotFound.INSTANCE;
			}
			if (seconds == 0) {
				terminate(entry, s, TerminationReason.TIMEOUT);
				return new SubscribeResult.Subscribed(s, s.lastSent);
			}
			long until = clock.millis() + Math.min(seconds, settings.maxExpires().toSeconds()) * 1000;
			if (s.state() instanceof SubscriptionState.Active) {
				s.activate(s.visibility(), until);
			}
			else {
				s.pend(until);
			}
			expiry.add(s, until);
			return new SubscribeResult.Subscribed(s, s.lastSent);
		}
	}

	void unsubscribe(Watcher watcher, SubscriptionId id) {
		if (!(refresh(watcher, id, Duration.ZERO) instanceof SubscribeResult.Subscribed)) {
			throw new NotFoundException("subscription");
		}
	}

	int expire(long now) {
		int count = 0;
		for (Subscription s : expiry.due(now)) {
			PresentityEntry entry = entries.get(s.presentity());
			if (entry == null) {
				continue;
			}
			synchronized (entry) {
				if (!s.state().isTerminated() && s.expiresAtMillis() <= now) {
					terminate(entry, s, TerminationReason.TIMEOUT);
					count++;
				}
			}
		}
		return count;
	}

	/** Ends every subscription of a removed presentity (caller holds its lock). */
	void terminateAll(PresentityEntry entry, TerminationReason reason) {
		for (Subscription s : entry.subscribers) {
			terminate(entry, s, reason);
		}
	}

	List<WatcherInfo> watchers(PresentityId presentity) {
		PresentityEntry entry = entries.get(presentity);
		if (entry == null) {
			throw new NotFoundException("presentity");
		}
		Instant now = clock.instant();
		return entry.subscribers.stream().map(s -> s.watcherInfo(now))
			.sorted(Comparator.comparingLong(w -> w.id().value())).toList();
	}

	Optional<Subscription> find(SubscriptionId id) {
		return Optional.ofNullable(subscriptions.get(id));
	}

	int count() {
		return subscriptions.size();
	}

	void terminate(PresentityEntry entry, Subscription s, TerminationReason reason) {
		s.terminate(reason);
		entry.subscribers.remove(s);
		subscriptions.remove(s.id());
		fanout.notifier().terminated(s);
		fanout.notifier().watcherChanged(entry.id, s.watcherInfo(clock.instant()));
	}

	private Subscription owned(Watcher watcher, SubscriptionId id) {
		Subscription s = subscriptions.get(id);
		return s != null && s.watcher().uri().equals(watcher.uri()) ? s : null;
	}

	Subscription ofPresentity(PresentityId presentity, SubscriptionId id) {
		Subscription s = subscriptions.get(id);
		if (s == null || !s.presentity().equals(presentity)) {
			throw new NotFoundException("subscription");
		}
		return s;
	}

	private boolean tooBrief(long seconds) {
		return seconds < 0 || (seconds > 0 && seconds < settings.minExpires().toSeconds());
	}

	static boolean refused(Optional<AccessDecision> decision) {
		return decision.isPresent() && decision.get().handling() == SubHandling.BLOCK;
	}

	/** What an admitted watcher may see: polite block and a missing rule show nothing but neutral state. */
	static Visibility visibility(Optional<AccessDecision> decision) {
		if (decision.isEmpty() || decision.get().handling() != SubHandling.ALLOW) {
			return Visibility.NOTHING;
		}
		return decision.get().visibility();
	}
}
