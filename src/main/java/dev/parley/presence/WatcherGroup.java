package dev.parley.presence;

import java.util.Locale;

/**
 * The classes of watchers a customer chooses access and visibility for on their privacy page: agents,
 * supervisors, and everyone else (other customers, outside SIP watchers). The customer's own devices
 * and Parley's services are not a choice: they always see everything.
 */
public enum WatcherGroup {
	AGENTS, SUPERVISORS, OTHERS;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The group a watcher class falls in, or null for SELF and SERVICE (never restricted). */
	public static WatcherGroup of(WatcherClass watcherClass) {
		return switch (watcherClass) {
			case AGENT -> AGENTS;
			case SUPERVISOR -> SUPERVISORS;
			case CUSTOMER, ANONYMOUS -> OTHERS;
			case SELF, SERVICE -> null;
		};
	}

	public static WatcherGroup ofToken(String token) {
		for (WatcherGroup g : values()) {
			if (g.token().equals(token)) {
				return g;
			}
		}
		return null;
	}
}
