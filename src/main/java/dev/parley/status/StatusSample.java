package dev.parley.status;

import java.time.Instant;

/**
 * One queue's figures at one sample time: contacts waiting, agents available, the estimated wait shown then
 * (null when nobody served the queue), and the contacts answered since the sample before with their average wait
 * (null when none was answered) — the estimated against the actual wait of the wallboard's chart.
 */
public record StatusSample(Instant at, String queue, int contactsWaiting, int agentsAvailable, Long estimatedWaitSeconds,
		int answered, Double answeredWaitSeconds) {
}
