package dev.parley.presence;

import java.util.Optional;

/**
 * RFC 2778 ACCESS RULES, controlled by the presentity's principal: a port, so rules can come from
 * memory, the customer's preferences in the database or an XCAP pres-rules document.
 */
public interface AccessPolicy {

	/** The decision for this watcher, or empty when no rule covers it (the subscription then waits). */
	Optional<AccessDecision> decide(PresentityId presentity, Watcher watcher);

	/**
	 * The principal answered a pending subscription; a policy that stores rules may remember the answer
	 * so the watcher is not asked about again (RFC 5025 approval writes a rule).
	 */
	default void remember(PresentityId presentity, Watcher watcher, AccessDecision decision) {
	}
}
