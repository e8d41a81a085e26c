package dev.parley.customer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Section 3: the customer's personal agenda in their own time zone: weekly windows plus dated
 * exceptions. A BUSY exception overrides a window; a FREE exception adds availability.
 */
public record Agenda(List<AvailabilityWindow> windows, List<DatedException> exceptions, Long version) {

	public Agenda {
		windows = windows == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(windows));
		exceptions = exceptions == null ? List.of()
				: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(exceptions));
	}

	/** Whether the customer is available at {@code instant}, reading the agenda in {@code zone}. */
	public boolean isAvailableAt(Instant instant, ZoneId zone) {
		var local = instant.atZone(zone).toLocalDateTime();
		var date = local.toLocalDate();
		var time = local.toLocalTime();
		if (exceptions.stream().anyMatch(e -> e.kind() == ExceptionKind.BUSY && e.covers(date, time))) {
			return false;
		}
		if (exceptions.stream().anyMatch(e -> e.kind() == ExceptionKind.FREE && e.covers(date, time))) {
			return true;
		}
		return windows.stream().anyMatch(w -> w.covers(date.getDayOfWeek(), time));
	}

	/**
	 * Whether the customer may be contacted at {@code instant}, reading the agenda in {@code zone}: never while a
	 * BUSY exception runs; within a weekly window or a FREE exception; and, for a customer who gave no weekly
	 * windows and no FREE exceptions (no agenda to speak of), whenever no BUSY exception runs.
	 */
	public boolean isReachableAt(Instant instant, ZoneId zone) {
		boolean anyFree = !windows.isEmpty() || exceptions.stream().anyMatch(e -> e.kind() == ExceptionKind.FREE);
		if (anyFree) {
			return isAvailableAt(instant, zone);
		}
		var local = instant.atZone(zone).toLocalDateTime();
		return exceptions.stream()
			.noneMatch(e -> e.kind() == ExceptionKind.BUSY && e.covers(local.toLocalDate(), local.toLocalTime()));
	}

	/**
	 * The first whole minute after {@code from} at which the customer is reachable, within {@code horizon}. Minutes
	 * are instants, read in {@code zone} one by one, so a daylight-saving change moves the instants, never the
	 * wall-clock times of the agenda.
	 */
	public Optional<Instant> nextReachable(Instant from, ZoneId zone, Duration horizon) {
		Instant end = from.plus(horizon);
		for (Instant t = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES); !t.isAfter(end);
				t = t.plus(1, ChronoUnit.MINUTES)) {
			if (isReachableAt(t, zone)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}
}
