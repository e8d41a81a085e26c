package dev.parley.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the presence service ({@code parley.presence.*}): subscription lifetimes. The service notifies every
 * change at once; a protocol's rate limit is its adapter's (SIP: {@code parley.sip.notify-interval}).
 */
@ConfigurationProperties("parley.presence")
public record PresenceSettings(Duration minExpires, Duration defaultExpires, Duration maxExpires) {

	public PresenceSettings {
		minExpires = minExpires == null ? Duration.ofSeconds(60) : minExpires;
		defaultExpires = defaultExpires == null ? Duration.ofHours(1) : defaultExpires;
		maxExpires = maxExpires == null ? Duration.ofHours(2) : maxExpires;
	}

	public static PresenceSettings defaults() {
		return new PresenceSettings(null, null, null);
	}
}
