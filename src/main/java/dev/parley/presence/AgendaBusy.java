package dev.parley.presence;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.parley.customer.Agenda;
import dev.parley.customer.DatedException;
import dev.parley.customer.ExceptionKind;

/**
 * What a customer's agenda says at one instant: busy (a BUSY slot covers it) until when, with the slot's
 * note, and when the agenda next changes its answer, so one timer per customer fires at that boundary
 * instead of anyone polling.
 */
public record AgendaBusy(boolean busy, Instant until, String note, Instant nextBoundary) {

	public static final AgendaBusy FREE = new AgendaBusy(false, null, null, null);

	public static AgendaBusy at(Agenda agenda, ZoneId zone, Instant now) {
		Instant until = null;
		String note = null;
		Instant next = null;
		for (DatedException e : busySlots(agenda)) {
			Instant start = e.date().atTime(e.wholeDay() ? LocalTime.MIDNIGHT : e.start()).atZone(zone).toInstant();
			Instant end = e.wholeDay() ? e.date().plusDays(1).atStartOfDay(zone).toInstant()
					: e.date().atTime(e.end()).atZone(zone).toInstant();
			if (!now.isBefore(start) && now.isBefore(end)) {
				if (until == null || end.isAfter(until)) {
					until = end;
					note = e.note();
				}
			}
			next = earliestAfter(next, start, now);
			next = earliestAfter(next, end, now);
		}
		return new AgendaBusy(until != null, until, note == null || note.isBlank() ? null : note, next);
	}

	public Optional<Instant> boundary() {
		return Optional.ofNullable(nextBoundary);
	}

	private static List<DatedException> busySlots(Agenda agenda) {
		return agenda == null ? List.of() : agenda.exceptions().stream().filter(e -> e.kind() == ExceptionKind.BUSY)
			.toList();
	}

	private static Instant earliestAfter(Instant current, Instant candidate, Instant now) {
		if (!candidate.isAfter(now)) {
			return current;
		}
		return current == null || candidate.isBefore(current) ? candidate : current;
	}
}
