package dev.parley.presence;

import java.util.Locale;

/** RFC 3857 watcher-information events: what last happened to a watcher's subscription. */
public enum WatcherEvent {
	SUBSCRIBE, APPROVED, DEACTIVATED, PROBATION, REJECTED, TIMEOUT, GIVEUP, NORESOURCE;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}

	static WatcherEvent of(TerminationReason reason) {
		return valueOf(reason.name());
	}
}
