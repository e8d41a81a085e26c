package dev.parley.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.common.ConflictException;
import dev.parley.common.NotFoundException;

/**
 * The presentity's principal decides about watchers (RFC 2778 access rules): approve or deny a pending
 * subscription, and re-decide every live subscription when the rules change, at once.
 */
final class Approvals {

	private final Map<PresentityId, PresentityEntry> entries;

	private final Watching watching;

	private final AccessPolicy policy;

	private final Fanout fanout;

	private final Clock clock;

	Approvals(Map<PresentityId, PresentityEntry> entries, Watching watching, AccessPolicy policy, Fanout fanout,
			Clock clock) {
		this.entries = entries;
		this.watching = watching;
		this.policy = policy;
		this.fanout = fanout;
		this.clock = clock;
	}

	void approve(PresentityId presentity, SubscriptionId id, Visibility visibility) {
		Subscription s = watching.ofPresentity(presentity, id);
		PresentityEntry entry = entries.get(presentity);
		synchronized (entry) {
			if (!(s.state() instanceof SubscriptionState.Pending)) {
				throw new ConflictException("not-pending", "the subscription is not waiting for approval");
			}
			s.activate(visibility, s.expiresAtMillis());
			s.approved();
			fanout.send(s, entry.view(visibility));
		}
		policy.remember(presentity, s.watcher(), AccessDecision.allow(visibility));
		fanout.notifier().watcherChanged(presentity, s.watcherInfo(clock.instant()));
	}

	/** The visibility a rule gives the watcher of a pending subscription, or BASIC_ONLY when none does. */
	Visibility approvedVisibility(PresentityId presentity, SubscriptionId id) {
		Subscription s = watching.ofPresentity(presentity, id);
		return policy.decide(presentity, s.watcher()).map(AccessDecision::visibility).orElse(Visibility.BASIC_ONLY);
	}

	/** Refuses a pending subscription, or revokes an active one: terminated, reason rejected. */
	void deny(PresentityId presentity, SubscriptionId id) {
		Subscription s = watching.ofPresentity(presentity, id);
		PresentityEntry entry = entries.get(presentity);
		synchronized (entry) {
			if (s.state().isTerminated()) {
				throw new NotFoundException("subscription");
			}
			watching.terminate(entry, s, TerminationReason.REJECTED);
		}
		policy.remember(presentity, s.watcher(), new AccessDecision(SubHandling.BLOCK, Visibility.NOTHING));
	}

	/**
	 * Re-decides every subscription of the presentity after its principal changed the rules: an allowed
	 * one gets the view its visibility now gives (sent only if it changed), a covered-by-nothing or
	 * confirm one goes back to pending, a blocked one ends (rejected). Changes apply at once.
	 */
	void reapply(PresentityId presentity) {
		PresentityEntry entry = entries.get(presentity);
		if (entry == null) {
			return;
		}
		long now = clock.millis();
		List<Subscription> changed = new ArrayList<>();
		synchronized (entry) {
			for (Subscription s : List.copyOf(entry.subscribers)) {
				if (reapply(entry, s, policy.decide(presentity, s.watcher()), now)) {
					changed.add(s);
				}
			}
		}
		Instant at = clock.instant();
		changed.forEach(s -> fanout.notifier().watcherChanged(presentity, s.watcherInfo(at)));
	}

	private boolean reapply(PresentityEntry entry, Subscription s, Optional<AccessDecision> decision, long now) {
		if (Watching.refused(decision)) {
			watching.terminate(entry, s, TerminationReason.REJECTED);
			return false;
		}
		boolean wasActive = s.state() instanceof SubscriptionState.Active;
		if (decision.isEmpty() || decision.get().handling() == SubHandling.CONFIRM) {
			s.pend(s.expiresAtMillis());
			if (s.lastSent != entry.neutral) {
				fanout.send(s, entry.neutral);
			}
			return wasActive;
		}
		Visibility visibility = Watching.visibility(decision);
		s.activate(visibility, s.expiresAtMillis());
		if (!wasActive) {
			s.approved();
		}
		PresenceDocument view = entry.view(visibility);
		if (view != s.lastSent) {
			fanout.send(s, view);
		}
		return !wasActive;
	}
}
