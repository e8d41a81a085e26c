package dev.parley.presence;

/**
 * How much of a presentity's presence a class of watchers may see, chosen by the presentity's principal
 * (an RFC 5025 transformation in miniature): nothing (always the neutral closed document), only
 * open/closed, or everything published.
 */
public enum Visibility {
	NOTHING, BASIC_ONLY, FULL
}
