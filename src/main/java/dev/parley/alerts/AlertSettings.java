package dev.parley.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of alerts ({@code parley.alerts.*}): how often each node brings its rules up to the table
 * ({@code resync}); how long an alert stays in the inbox ({@code retention}, dismissed or not) and a dismissed one
 * ({@code dismissed-retention}: a while, so that an event delivered again soon after finds it and raises nothing
 * twice); how often the inbox is pruned ({@code sweep}) and how many alerts one statement deletes at most
 * ({@code sweep-batch}).
 */
@ConfigurationProperties("parley.alerts")
public record AlertSettings(Duration resync, Duration retention, Duration dismissedRetention, Duration sweep,
		Integer sweepBatch) {

	public AlertSettings {
		resync = resync == null ? Duration.ofSeconds(10) : resync;
		retention = retention == null ? Duration.ofDays(30) : retention;
		dismissedRetention = dismissedRetention == null ? Duration.ofHours(1) : dismissedRetention;
		sweep = sweep == null ? Duration.ofMinutes(10) : sweep;
		sweepBatch = sweepBatch == null ? 500 : sweepBatch;
	}

	public static AlertSettings defaults() {
		return new AlertSettings(null, null, null, null, null);
	}
}
