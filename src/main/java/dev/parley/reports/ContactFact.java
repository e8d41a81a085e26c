package dev.parley.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.parley.common.Medium;

/**
 * What a report keeps of one contact once it is over: its queue, medium, product and agent (null when none), its
 * day in the reporting time zone, when it came, was taken and ended, whether it was abandoned, its wait and
 * handle time in seconds, its queue's service-level target and whether it was answered within it, its rating.
 */
public record ContactFact(UUID id, LocalDate localDay, String queue, Medium medium, UUID product, UUID agent,
		Instant createdAt, Instant connectedAt, Instant endedAt, boolean abandoned, long waitSeconds,
		Long handleSeconds, int targetSeconds, boolean inTarget, Integer rating) {
}
