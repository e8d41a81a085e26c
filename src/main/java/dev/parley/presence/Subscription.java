package dev.parley.presence;

import java.time.Instant;

/**
 * RFC 2778 SUBSCRIPTION: one watcher's interest in one presentity. Kept deliberately small (a few
 * fields, no thread, timer or map of its own) because a node holds hundreds of thousands; expiry is a
 * shared queue and coalescing a field. Changed only by {@link Presence}, under its presentity's lock.
 */
public final class Subscription {

	private final SubscriptionId id;

	private final Watcher watcher;

	private final PresentityId presentity;

	private final long createdAt;

	private volatile SubscriptionState state;

	private volatile long expiresAt;

	private volatile Visibility visibility;

	private volatile WatcherEvent event = WatcherEvent.SUBSCRIBE;

	/** The last document sent: a change that leaves this subscription's view as it was is not sent. */
	PresenceDocument lastSent;

	Subscription(SubscriptionId id, Watcher watcher, PresentityId presentity, long now) {
		this.id = id;
		this.watcher = watcher;
		this.presentity = presentity;
		this.createdAt = now;
	}

	public SubscriptionId id() {
		return id;
	}

	public Watcher watcher() {
		return watcher;
	}

	public PresentityId presentity() {
		return presentity;
	}

	public SubscriptionState state() {
		return state;
	}

	public Visibility visibility() {
		return visibility;
	}

	/** When the subscription ends unless refreshed (also for a pending one). */
	public Instant expiresAt() {
		return Instant.ofEpochMilli(expiresAt);
	}

	/** This subscription as RFC 3858 watcher information, at the given time. */
	public WatcherInfo watcherInfo(Instant now) {
		long at = now.toEpochMilli();
		SubscriptionState s = state;
		WatcherStatus status = s instanceof SubscriptionState.Active ? WatcherStatus.ACTIVE
				: s instanceof SubscriptionState.Pending ? WatcherStatus.PENDING : WatcherStatus.TERMINATED;
		long left = s.isTerminated() ? 0 : Math.max(0, (expiresAt - at) / 1000);
		return new WatcherInfo(id, watcher, status, event, left, Math.max(0, (at - createdAt) / 1000));
	}

	long expiresAtMillis() {
		return expiresAt;
	}

	void pend(long expiresAt) {
		this.expiresAt = expiresAt;
		this.state = SubscriptionState.PENDING;
	}

	void activate(Visibility visibility, long expiresAt) {
		this.visibility = visibility;
		this.expiresAt = expiresAt;
		this.state = new SubscriptionState.Active(Instant.ofEpochMilli(expiresAt));
	}

	void approved() {
		this.event = WatcherEvent.APPROVED;
	}

	void terminate(TerminationReason reason) {
		this.state = new SubscriptionState.Terminated(reason);
		this.event = WatcherEvent.of(reason);
	}

	@Override
	public String toString() {
		return "Subscription[" + id + " " + watcher.uri() + " -> " + presentity + " " + state + "]";
	}
}
