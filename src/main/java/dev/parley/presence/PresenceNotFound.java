package dev.parley.presence;

/**
 * The one answer for "no such presentity" and for "you may not watch it": the same object, so a refused
 * watcher cannot learn that the presentity exists (RFC 2779 access control).
 */
public enum PresenceNotFound implements SubscribeResult, FetchResult {
	INSTANCE
}
