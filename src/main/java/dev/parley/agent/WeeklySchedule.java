package dev.parley.agent;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a group takes contacts: weekly opening hours in the group's time zone, minus dated closures. Pure
 * domain logic: times are compared as local wall-clock times in the zone, so DST shifts move the UTC
 * instants, never the opening hours people read.
 */
public record WeeklySchedule(ZoneId zone, List<OpeningHours> hours, List<Closure> closures) {

	public WeeklySchedule {
		hours = hours.stream().sorted(Comparator.comparing(OpeningHours::dayOfWeek)
			.thenComparing(OpeningHours::open)).toList();
		closures = closures.stream().sorted(Comparator.comparing(Closure::date)).toList();
	}

	/** A span of opening time as instants, shown in some zone. */
	public record Span(ZonedDateTime from, ZonedDateTime to) {
	}

	public boolean isOpenAt(Instant instant) {
		var local = instant.atZone(zone);
		return hoursOn(local.toLocalDate()).stream().anyMatch(h -> h.covers(local.toLocalTime()));
	}

	/** The opening hours of one date in the group's zone; none on a closure. */
	public List<OpeningHours> hoursOn(LocalDate date) {
		if (closureOn(date).isPresent()) {
			return List.of();
		}
		return hoursOf(date.getDayOfWeek());
	}

	public List<OpeningHours> hoursOf(DayOfWeek day) {
		return hours.stream().filter(h -> h.dayOfWeek() == day).toList();
	}

	public Optional<Closure> closureOn(LocalDate date) {
		return closures.stream().filter(c -> c.date().equals(date)).findFirst();
	}

	/** Today's opening spans (today in the group's zone at {@code now}) as times in the viewer's zone. */
	public List<Span> todayIn(Instant now, ZoneId viewer) {
		LocalDate today = now.atZone(zone).toLocalDate();
		return hoursOn(today).stream()
			.map(h -> new Span(today.atTime(h.open()).atZone(zone).withZoneSameInstant(viewer),
					today.atTime(h.close()).atZone(zone).withZoneSameInstant(viewer)))
			.toList();
	}

	/** Closures from {@code from} on. */
	public List<Closure> closuresFrom(LocalDate from) {
		return closures.stream().filter(c -> !c.date().isBefore(from)).toList();
	}

	/** A short text of the hours, for the audit trail. */
	public String describeHours() {
		return hours.stream().map(h -> h.dayOfWeek().name().substring(0, 3) + " " + h.open() + "-" + h.close())
			.collect(Collectors.joining(", "));
	}

	public String describeClosures() {
		return closures.stream().map(c -> c.date() + (c.note() == null ? "" : " " + c.note()))
			.collect(Collectors.joining(", "));
	}
}
