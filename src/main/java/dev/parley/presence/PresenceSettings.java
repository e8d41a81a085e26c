package dev.parley.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the presence service ({@code parley.presence.*}). {@code notifyInterval} is the least time
 * between two notifications of one subscription; RFC 3856 asks for about 5 s, a contact center wants
 * changes at once, so the default 0 sends every change (a documented deviation) and bursts coalesce only
 * when an interval is set.
 */
@ConfigurationProperties("parley.presence")
public record PresenceSettings(Duration minExpires, Duration defaultExpires, Duration maxExpires,
		Duration notifyInterval) {

	public PresenceSettings {
		minExpires = minExpires == null ? Duration.ofSeconds(60) : minExpires;
		defaultExpires = defaultExpires == null ? Duration.ofHours(1) : defaultExpires;
		maxExpires = maxExpires == null ? Duration.ofHours(2) : maxExpires;
		notifyInterval = notifyInterval == null ? Duration.ZERO : notifyInterval;
	}

	public static PresenceSettings defaults() {
		return new PresenceSettings(null, null, null, null);
	}

	public PresenceSettings withNotifyInterval(Duration value) {
		return new PresenceSettings(minExpires, defaultExpires, maxExpires, value);
	}
}
