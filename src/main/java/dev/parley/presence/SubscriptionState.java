package dev.parley.presence;

import java.time.Instant;
import java.util.Objects;

/** The state of a subscription as RFC 6665 names it; states that behave differently are types. */
public sealed interface SubscriptionState {

	/** Waiting for the presentity's principal to approve or deny; the watcher sees only neutral state. */
	record Pending() implements SubscriptionState {
	}

	/** Authorized and receiving changes until {@code expires} unless refreshed. */
	record Active(Instant expires) implements SubscriptionState {
		public Active {
			Objects.requireNonNull(expires, "expires");
		}
	}

	/** Ended for good; the watcher gets no more notifications. */
	record Terminated(TerminationReason reason) implements SubscriptionState {
		public Terminated {
			Objects.requireNonNull(reason, "reason");
		}
	}

	Pending PENDING = new Pending();

	default boolean isTerminated() {
		return this instanceof Terminated;
	}
}
