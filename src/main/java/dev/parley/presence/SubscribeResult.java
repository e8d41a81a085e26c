package dev.parley.presence;

import java.time.Duration;

/** The answer to a subscribe (or fetch): a sealed type the adapters map to their protocol's codes. */
public sealed interface SubscribeResult permits SubscribeResult.Subscribed, SubscribeResult.IntervalTooBrief,
		PresenceNotFound {

	/**
	 * Accepted (active, pending, or for a fetch already terminated). {@code document} is what the first
	 * notification carries; the adapter sends it after its answer (RFC 6665: NOTIFY at once).
	 */
	record Subscribed(Subscription subscription, PresenceDocument document) implements SubscribeResult {
	}

	/** The requested expiry is shorter than allowed (SIP 423 with Min-Expires). */
	record IntervalTooBrief(Duration minExpires) implements SubscribeResult {
	}
}
