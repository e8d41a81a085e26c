package dev.parley.customer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

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
}
