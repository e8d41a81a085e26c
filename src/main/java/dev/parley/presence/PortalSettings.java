package dev.parley.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a customer's presence comes from ({@code parley.presence.portal.*}): {@code grace} is how long
 * after the last portal tab closed the customer turns closed (a reload or a hop between pages is not
 * an absence); {@code idleAfter} is how long without input a page waits before it reports idle (away).
 */
@ConfigurationProperties("parley.presence.portal")
public record PortalSettings(Duration grace, Duration idleAfter) {

	public PortalSettings {
		grace = grace == null ? Duration.ofSeconds(15) : grace;
		idleAfter = idleAfter == null ? Duration.ofMinutes(5) : idleAfter;
	}

	public static PortalSettings defaults() {
		return new PortalSettings(null, null);
	}
}
