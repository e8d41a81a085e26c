package dev.parley.customer;

import java.time.LocalDate;
import java.util.List;

import dev.parley.common.Violations;

/**
 * Validates section 3: times in order, no overlapping windows on one day, bounded sizes, dated exceptions from a
 * year back to five years ahead of today (older ones tell nothing about reaching the customer; a year like 99999 is
 * a typing slip).
 */
final class AgendaRules {

	static final int MAX_WINDOWS = 50;
	static final int MAX_EXCEPTIONS = 100;

	private AgendaRules() {
	}

	static Agenda validate(Agenda a, LocalDate today) {
		var v = new Violations();
		v.check(a.version() == null, "version", "required", "must be given");
		v.check(a.windows().size() > MAX_WINDOWS, "windows", "too-many", "must hold at most " + MAX_WINDOWS + " entries");
		v.check(a.exceptions().size() > MAX_EXCEPTIONS, "exceptions", "too-many",
				"must hold at most " + MAX_EXCEPTIONS + " entries");
		List<AvailabilityWindow> windows = a.windows();
		for (int i = 0; i < windows.size(); i++) {
			window(windows, i, v);
		}
		List<DatedException> exceptions = a.exceptions().stream()
			.map(e -> e == null || e.note() == null || !e.note().isBlank() ? e
					: new DatedException(e.date(), e.start(), e.end(), e.kind(), null))
			.toList();
		for (int i = 0; i < exceptions.size(); i++) {
			exception(exceptions.get(i), "exceptions[" + i + "]", today, v);
		}
		v.throwIfAny();
		return new Agenda(windows, exceptions, a.version());
	}

	private static void window(List<AvailabilityWindow> windows, int i, Violations v) {
		var w = windows.get(i);
		String field = "windows[" + i + "]";
		if (w == null) {
			v.add(field, "required", "must not be empty");
			return;
		}
		v.check(w.dayOfWeek() == null, field + ".dayOfWeek", "required", "must be given");
		v.check(w.start() == null, field + ".start", "required", "must be given");
		v.check(w.end() == null, field + ".end", "required", "must be given");
		if (w.dayOfWeek() == null || w.start() == null || w.end() == null) {
			return;
		}
		if (!w.end().isAfter(w.start())) {
			v.add(field + ".end", "order", "must be after the start");
			return;
		}
		for (int j = 0; j < i; j++) {
			var o = windows.get(j);
			if (o != null && o.dayOfWeek() == w.dayOfWeek() && o.start() != null && o.end() != null
					&& w.start().isBefore(o.end()) && o.start().isBefore(w.end())) {
				v.add(field + ".start", "overlap", "overlaps another window on the same day");
				return;
			}
		}
	}

	private static void exception(DatedException e, String field, LocalDate today, Violations v) {
		if (e == null) {
			v.add(field, "required", "must not be empty");
			return;
		}
		v.check(e.date() == null, field + ".date", "required", "must be given");
		LocalDate first = today.minusYears(1);
		LocalDate last = today.plusYears(5);
		v.check(e.date() != null && (e.date().isBefore(first) || e.date().isAfter(last)), field + ".date", "range",
				"must be between " + first + " and " + last + " (a year back to five years ahead)");
		v.check(e.kind() == null, field + ".kind", "required", "must be BUSY or FREE");
		v.check((e.start() == null) != (e.end() == null), e.start() == null ? field + ".start" : field + ".end",
				"required", "give both times, or neither for the whole day");
		v.check(e.start() != null && e.end() != null && !e.end().isAfter(e.start()), field + ".end", "order",
				"must be after the start");
		v.text(e.note(), 200, field + ".note");
	}
}
