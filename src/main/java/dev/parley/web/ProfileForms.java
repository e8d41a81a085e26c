package dev.parley.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.parley.customer.Agenda;
import dev.parley.customer.AvailabilityWindow;
import dev.parley.customer.Capabilities;
import dev.parley.customer.Capability;
import dev.parley.customer.DatedException;
import dev.parley.customer.Demographics;
import dev.parley.customer.ExceptionKind;
import dev.parley.customer.Interest;
import dev.parley.customer.InterestLevel;
import dev.parley.customer.Interests;
import dev.parley.common.AddressKind;
import dev.parley.common.Medium;

/**
 * The profile page's four forms, bound by field (public fields, direct field access). List sections show
 * their rows plus {@link #BLANK_ROWS} empty ones; empty rows and rows ticked "remove" are ignored, so
 * adding and removing rows needs no JavaScript.
 */
final class ProfileForms {

	static final int BLANK_ROWS = 2;

	private ProfileForms() {
	}

	public static class DemographicsForm {
		public long version;
		public String name, preferredLanguage, locale, timeZone, country, birthYear;
		public Map<String, String> attributes = new LinkedHashMap<>();

		static DemographicsForm of(Demographics d) {
			var f = new DemographicsForm();
			f.version = d.version();
			f.name = d.name();
			f.preferredLanguage = d.preferredLanguage();
			f.locale = d.locale();
			f.timeZone = d.timeZone();
			f.country = d.country();
			f.birthYear = d.birthYear() == null ? "" : d.birthYear().toString();
			f.attributes.putAll(d.attributes());
			return f;
		}

		Demographics toSection() {
			Integer year = blank(birthYear) ? null : parse(birthYear.trim(), Integer::valueOf, Integer.MIN_VALUE);
			return new Demographics(name, preferredLanguage, locale, timeZone, country, year, attributes, version);
		}
	}

	public static class CapabilityRow {
		public String kind, address;
		public boolean enabled, remove;

		boolean ignored() {
			return remove || blank(kind);
		}
	}

	public static class CapabilitiesForm {
		public long version;
		public String preferredMedium;
		public List<CapabilityRow> capabilities = new ArrayList<>();

		static CapabilitiesForm of(Capabilities c) {
			var f = new CapabilitiesForm();
			f.version = c.version();
			f.preferredMedium = c.preferredMedium() == null ? "" : c.preferredMedium().name();
			c.capabilities().forEach(cap -> {
				var row = new CapabilityRow();
				row.kind = cap.kind().name();
				row.address = cap.address();
				row.enabled = cap.enabled();
				f.capabilities.add(row);
			});
			return f.withBlankRows();
		}

		Capabilities toSection() {
			var list = capabilities.stream().filter(r -> !r.ignored())
				.map(r -> new Capability(parse(r.kind, AddressKind::valueOf, null), r.address, r.enabled)).toList();
			return new Capabilities(list, blank(preferredMedium) ? null : parse(preferredMedium, Medium::valueOf, null),
					version);
		}

		CapabilitiesForm withBlankRows() {
			capabilities = new ArrayList<>(capabilities.stream().filter(r -> !r.ignored()).toList());
			for (int i = 0; i < BLANK_ROWS; i++) {
				var row = new CapabilityRow();
				row.enabled = true;
				capabilities.add(row);
			}
			return this;
		}
	}

	public static class WindowRow {
		public String dayOfWeek, start, end;
		public boolean remove;

		boolean ignored() {
			return remove || (blank(dayOfWeek) && blank(start) && blank(end));
		}
	}

	public static class ExceptionRow {
		public String date, start, end, kind, note;
		public boolean remove;

		boolean ignored() {
			return remove || (blank(date) && blank(start) && blank(end) && blank(note));
		}
	}

	public static class AgendaForm {
		public long version;
		public List<WindowRow> windows = new ArrayList<>();
		public List<ExceptionRow> exceptions = new ArrayList<>();

		static AgendaForm of(Agenda a) {
			var f = new AgendaForm();
			f.version = a.version();
			a.windows().forEach(w -> {
				var row = new WindowRow();
				row.dayOfWeek = w.dayOfWeek().name();
				row.start = w.start().toString();
				row.end = w.end().toString();
				f.windows.add(row);
			});
			a.exceptions().forEach(e -> {
				var row = new ExceptionRow();
				row.date = e.date().toString();
				row.start = e.start() == null ? "" : e.start().toString();
				row.end = e.end() == null ? "" : e.end().toString();
				row.kind = e.kind().name();
				row.note = e.note();
				f.exceptions.add(row);
			});
			return f.withBlankRows();
		}

		Agenda toSection() {
			var w = windows.stream().filter(r -> !r.ignored()).map(r -> new AvailabilityWindow(
					parse(r.dayOfWeek, DayOfWeek::valueOf, null), time(r.start), time(r.end))).toList();
			var e = exceptions.stream().filter(r -> !r.ignored()).map(r -> new DatedException(
					parse(r.date, LocalDate::parse, null), time(r.start), time(r.end),
					parse(r.kind, ExceptionKind::valueOf, null), r.note)).toList();
			return new Agenda(w, e, version);
		}

		AgendaForm withBlankRows() {
			windows = new ArrayList<>(windows.stream().filter(r -> !r.ignored()).toList());
			exceptions = new ArrayList<>(exceptions.stream().filter(r -> !r.ignored()).toList());
			for (int i = 0; i < BLANK_ROWS; i++) {
				windows.add(new WindowRow());
				var row = new ExceptionRow();
				row.kind = "BUSY";
				exceptions.add(row);
			}
			return this;
		}
	}

	public static class InterestRow {
		public String categoryKey, topic, level;
		public boolean remove;

		boolean ignored() {
			return remove || (blank(categoryKey) && blank(topic));
		}
	}

	public static class InterestsForm {
		public long version;
		public boolean contactConsent;
		public List<InterestRow> interests = new ArrayList<>();

		static InterestsForm of(Interests in) {
			var f = new InterestsForm();
			f.version = in.version();
			f.contactConsent = in.contactConsent();
			in.interests().forEach(i -> {
				var row = new InterestRow();
				row.categoryKey = i.categoryKey();
				row.topic = i.topic();
				row.level = i.level().name();
				f.interests.add(row);
			});
			return f.withBlankRows();
		}

		Interests toSection() {
			var list = interests.stream().filter(r -> !r.ignored()).map(r -> new Interest(r.categoryKey, r.topic,
					parse(r.level, InterestLevel::valueOf, null))).toList();
			return new Interests(list, contactConsent, null, version);
		}

		InterestsForm withBlankRows() {
			interests = new ArrayList<>(interests.stream().filter(r -> !r.ignored()).toList());
			for (int i = 0; i < BLANK_ROWS; i++) {
				var row = new InterestRow();
				row.level = "MEDIUM";
				interests.add(row);
			}
			return this;
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static LocalTime time(String s) {
		return parse(s, LocalTime::parse, null);
	}

	/** Parses form text; blank or unparseable text becomes {@code fallback}, which the domain then refuses. */
	static <T> T parse(String s, Function<String, T> parser, T fallback) {
		if (blank(s)) {
			return null;
		}
		try {
			return parser.apply(s.trim());
		}
		catch (RuntimeException e) {
			return fallback;
		}
	}
}
