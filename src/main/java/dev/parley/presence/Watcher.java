package dev.parley.presence;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.common.InvalidInputException;

/**
 * RFC 2778 WATCHER: the principal asking for presence, named by a URI ({@code urn:uuid:<account>} for a
 * Parley account, a SIP address for an outside user agent), and the class of watcher it belongs to.
 */
public record Watcher(String uri, WatcherClass watcherClass) {

	private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"]{1,255}");

	public Watcher {
		Objects.requireNonNull(watcherClass, "watcherClass");
		if (uri == null || !URI.matcher(uri).matches()) {
			throw InvalidInputException.of("watcher", "invalid", "must be an absolute URI of at most 256 characters");
		}
	}

	public static Watcher account(UUID account, WatcherClass watcherClass) {
		return new Watcher("urn:uuid:" + account, watcherClass);
	}
}
