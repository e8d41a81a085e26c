package dev.parley.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;

/**
 * The PRESENCE SERVICE of RFC 2778: accepts presence from presentities (publish), stores it in memory
 * and distributes it to watchers (fetch, subscribe) as their access rules and visibility allow. The
 * protocol adapters call this class and implement {@link Notifier}; {@link #tick()} runs expiry from one
 * scheduler. Thread-safe; one lock per presentity.
 */
public class Presence {

	private final Map<PresentityId, PresentityEntry> entries = new ConcurrentHashMap<>();

	private final Fanout fanout;

	private final Watching watching;

	private final Approvals approvals;

	private final PresenceEvents events;

	private final Clock clock;

	public Presence(AccessPolicy policy, Notifier notifier, PresenceEvents events, Clock clock,
			PresenceSettings settings) {
		this.fanout = new Fanout(notifier);
		this.watching = new Watching(entries, policy, fanout, clock, settings);
		this.approvals = new Approvals(entries, watching, policy, fanout, clock);
		this.events = events;
		this.clock = clock;
	}

	/** Makes a presentity known (offline until it publishes); nothing happens if it is known already. */
	public void register(PresentityId presentity) {
		entry(presentity);
	}

	public boolean exists(PresentityId presentity) {
		return entries.containsKey(presentity);
	}

	/** Adds or replaces tuples by id; the presentity's other tuples stay as they are (composition). */
	public void publish(PresentityId presentity, PresenceTuple... tuples) {
		if (tuples.length == 0) {
			throw InvalidInputException.of("tuples", "required", "at least one tuple");
		}
		change(entry(presentity), doc -> {
			for (PresenceTuple t : tuples) {
				doc = doc.with(t);
			}
			return doc;
		});
	}

	/** Publishes a whole document (a PUBLISH body): its tuples as {@link #publish}, and its person part. */
	public void publish(PresenceDocument document) {
		change(entry(document.entity()), doc -> {
			for (PresenceTuple t : document.tuples()) {
				doc = doc.with(t);
			}
			return doc.withPerson(document.personActivities(), document.personNote());
		});
	}

	/** Sets one tuple's status, creating the tuple when the presentity has none by that id. */
	public void setStatus(PresentityId presentity, String tupleId, BasicStatus status) {
		change(entry(presentity), doc -> {
			int at = doc.indexOf(tupleId);
			return doc.with(at < 0 ? PresenceTuple.of(tupleId, status) : doc.tuples().get(at).withStatus(status));
		});
	}

	public void setPerson(PresentityId presentity, Set<Activity> activities, String note) {
		change(entry(presentity), doc -> doc.withPerson(activities, note));
	}

	public void removeTuple(PresentityId presentity, String tupleId) {
		change(known(presentity), doc -> doc.without(tupleId));
	}

	/** Forgets a presentity; its watchers' subscriptions end with reason noresource. */
	public void remove(PresentityId presentity) {
		PresentityEntry entry = known(presentity);
		synchronized (entry) {
			entries.remove(presentity);
			entry.removed = true;
			watching.terminateAll(entry, TerminationReason.NORESOURCE);
		}
	}

	/** The full composed document, for the presentity's own principal and trusted internal consumers. */
	public Optional<PresenceDocument> current(PresentityId presentity) {
		return Optional.ofNullable(entries.get(presentity)).map(PresentityEntry::document);
	}

	/** RFC 2778 FETCHER: one read, filtered for the watcher. */
	public FetchResult fetch(Watcher watcher, PresentityId presentity) {
		return watching.fetch(watcher, presentity);
	}

	/** RFC 2778 SUBSCRIBER: null expiry means the default; zero is a fetch (ends at once, reason timeout). */
	public SubscribeResult subscribe(Watcher watcher, PresentityId presentity, Duration expires) {
		return watching.subscribe(watcher, presentity, expires);
	}

	/**
	 * A subscription kept by an adapter across a restart: the same watcher subscribes again, decided by the
	 * rules as they are now, until the same time (no minimum: what is left of it). Already over: not found.
	 */
	public SubscribeResult resume(Watcher watcher, PresentityId presentity, Instant expiresAt) {
		return watching.resume(watcher, presentity, expiresAt);
	}

	/** Extends a subscription of this watcher; zero ends it. Someone else's or an ended one: not found. */
	public SubscribeResult refresh(Watcher watcher, SubscriptionId id, Duration expires) {
		return watching.refresh(watcher, id, expires);
	}

	public void unsubscribe(Watcher watcher, SubscriptionId id) {
		watching.unsubscribe(watcher, id);
	}

	/** The presentity's principal approves a pending subscription with the visibility its rules give. */
	public void approve(PresentityId presentity, SubscriptionId id) {
		approvals.approve(presentity, id, approvals.approvedVisibility(presentity, id));
	}

	public void approve(PresentityId presentity, SubscriptionId id, Visibility visibility) {
		approvals.approve(presentity, id, visibility);
	}

	public void deny(PresentityId presentity, SubscriptionId id) {
		approvals.deny(presentity, id);
	}

	/** The principal changed the access rules: every live subscription of the presentity follows at once. */
	public void reauthorize(PresentityId presentity) {
		approvals.reapply(presentity);
	}

	/** RFC 3857 watcher information: the current watchers of a presentity (for its principal only). */
	public List<WatcherInfo> watchers(PresentityId presentity) {
		return watching.watchers(presentity);
	}

	public Optional<Subscription> subscription(SubscriptionId id) {
		return watching.find(id);
	}

	public int subscriptionCount() {
		return watching.count();
	}

	/** Ends the subscriptions not refreshed in time (reason timeout); returns how many. */
	public int expire(Instant now) {
		return watching.expire(now.toEpochMilli());
	}

	/** One sweep of the scheduler: expiry. */
	public void tick() {
		expire(clock.instant());
	}

	private void change(PresentityEntry entry, UnaryOperator<PresenceDocument> change) {
		PresenceChanged changed = entry.apply(change, fanout, clock.millis());
		if (changed != null) {
			events.publish(changed);
		}
	}

	private PresentityEntry entry(PresentityId presentity) {
		return entries.computeIfAbsent(presentity, PresentityEntry::new);
	}

	private PresentityEntry known(PresentityId presentity) {
		PresentityEntry entry = entries.get(presentity);
		if (entry == null) {
			throw new NotFoundException("presentity");
		}
		return entry;
	}
}
