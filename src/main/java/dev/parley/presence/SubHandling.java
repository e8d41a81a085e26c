package dev.parley.presence;

/**
 * RFC 5025 {@code sub-handling}, in the order of permissiveness the RFC combines them by
 * (block < confirm < polite-block < allow).
 */
public enum SubHandling {
	/** Refuse: the watcher gets the same answer as for a presentity that does not exist. */
	BLOCK,
	/** Ask the presentity's principal: the subscription waits in Pending until approved or denied. */
	CONFIRM,
	/** Accept, but only ever show the neutral closed document; the watcher cannot tell. */
	POLITE_BLOCK,
	/** Accept and show what the visibility allows. */
	ALLOW;

	public SubHandling mostPermissive(SubHandling other) {
		return other == null || compareTo(other) >= 0 ? this : other;
	}
}
