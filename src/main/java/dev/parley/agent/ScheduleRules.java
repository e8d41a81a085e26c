package dev.parley.agent;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import dev.parley.common.Violations;

/**
 * Reads opening hours and closures as clients send them and checks the rules: a valid IANA zone, each
 * row's close after its open, no overlapping rows on a day, one closure per date. Entirely blank rows are
 * ignored (forms send empty rows); errors name the row, e.g. {@code hours[2].close}.
 */
public final class ScheduleRules {

	static final int NOTE_MAX = 200;

	private ScheduleRules() {
	}

	public static WeeklySchedule parse(String timeZone, List<HoursEntry> hours, List<ClosureEntry> closures) {
		var v = new Violations();
		ZoneId zone = zone(timeZone, v);
		List<OpeningHours> parsedHours = hours(hours == null ? List.of() : hours, v);
		List<Closure> parsedClosures = closures(closures == null ? List.of() : closures, v);
		v.throwIfAny();
		return new WeeklySchedule(zone, parsedHours, parsedClosures);
	}

	static ZoneId zone(String timeZone, Violations v) {
		if (HoursEntry.blank(timeZone)) {
			v.add("timeZone", "required", "must not be blank");
			return null;
		}
		try {
			return ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException e) {
			v.add("timeZone", "zone", "must be an IANA time zone such as Europe/Berlin");
			return null;
		}
	}

	private static List<OpeningHours> hours(List<HoursEntry> entries, Violations v) {
		List<OpeningHours> result = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			var e = entries.get(i);
			if (e == null || e.isBlank()) {
				continue;
			}
			String row = "hours[" + i + "].";
			DayOfWeek day = day(e.dayOfWeek(), row + "dayOfWeek", v);
			LocalTime open = time(e.open(), row + "open", v);
			LocalTime close = time(e.close(), row + "close", v);
			if (day == null || open == null || close == null) {
				continue;
			}
			var hours = new OpeningHours(day, open, close);
			if (!close.isAfter(open)) {
				v.add(row + "close", "before-open", "must be after the opening time");
			}
			else if (result.stream().anyMatch(hours::overlaps)) {
				v.add(row + "open", "overlap", "overlaps other hours of the same day");
			}
			else {
				result.add(hours);
			}
		}
		return result;
	}

	private static List<Closure> closures(List<ClosureEntry> entries, Violations v) {
		List<Closure> result = new ArrayList<>();
		var dates = new HashSet<LocalDate>();
		for (int i = 0; i < entries.size(); i++) {
			var e = entries.get(i);
			if (e == null || e.isBlank()) {
				continue;
			}
			String row = "closures[" + i + "].";
			LocalDate date = date(e.date(), row + "date", v);
			v.text(e.note(), NOTE_MAX, row + "note");
			if (date != null && !dates.add(date)) {
				v.add(row + "date", "duplicate", "is already closed");
			}
			else if (date != null) {
				result.add(new Closure(date, HoursEntry.blank(e.note()) ? null : e.note().strip()));
			}
		}
		return result;
	}

	private static DayOfWeek day(String value, String field, Violations v) {
		try {
			return DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException e) {
			v.add(field, "day", "must be a weekday MONDAY to SUNDAY");
			return null;
		}
	}

	/** A time of day like 09:00; a closing time of 24:00 is the end of the day. */
	private static LocalTime time(String value, String field, Violations v) {
		if (field.endsWith("close") && value != null && value.trim().equals("24:00")) {
			return LocalTime.MAX;
		}
		try {
			return LocalTime.parse(value.trim());
		}
		catch (RuntimeException e) {
			v.add(field, "time", "must be a time like 09:00 (a closing time may be 24:00)");
			return null;
		}
	}

	private static LocalDate date(String value, String field, Violations v) {
		try {
			return LocalDate.parse(value.trim());
		}
		catch (RuntimeException e) {
			v.add(field, "date", "must be a date like 2026-12-25");
			return null;
		}
	}
}
