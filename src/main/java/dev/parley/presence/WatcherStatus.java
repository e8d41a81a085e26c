package dev.parley.presence;

import java.util.Locale;

/** RFC 3857 watcher status. WAITING (a refused watcher trying again) is not produced by this slice. */
public enum WatcherStatus {
	PENDING, ACTIVE, WAITING, TERMINATED;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}
}
