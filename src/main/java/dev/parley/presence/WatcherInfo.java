package dev.parley.presence;

/**
 * RFC 2778 WATCHER INFORMATION about one subscription to a presentity (RFC 3857/3858): who watches, in
 * what state, the last event, seconds left until expiry and seconds subscribed so far.
 */
public record WatcherInfo(SubscriptionId id, Watcher watcher, WatcherStatus status, WatcherEvent event,
		long expiresInSeconds, long subscribedSeconds) {
}
