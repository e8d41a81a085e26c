package dev.parley.presence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.parley.common.Violations;

/**
 * RFC 2778 PRESENCE TUPLE: one channel or device of a presentity. {@code id} is stable across updates
 * (an xs:ID: starts with a letter); {@code status} is always there; the rest is OTHER PRESENCE MARKUP:
 * RPID activities, a note, when it was true ({@code timestamp}) and until when ({@code until}), and for
 * queues and the center named figures (waiting, agents-available, wait-seconds, ...). Times are kept
 * to the millisecond.
 */
public record PresenceTuple(String id, BasicStatus status, Contact contact, Set<Activity> activities, String note,
		Instant timestamp, Instant until, Map<String, Long> figures) {

	public static final int NOTE_MAX = 1024;

	private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

	private static final Pattern FIGURE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public PresenceTuple {
		new Violations()
			.check(id == null || !ID.matcher(id).matches(), "tuple.id", "invalid",
					"must start with a letter and hold at most 64 letters, digits, '.', '_' or '-'")
			.check(status == null, "tuple.status", "required", "must be open or closed")
			.text(note, NOTE_MAX, "tuple.note")
			.check(figures != null && figures.size() > 32, "tuple.figures", "too-many", "at most 32 figures")
			.check(figures != null && !figures.keySet().stream().allMatch(k -> FIGURE.matcher(k).matches()),
					"tuple.figures", "invalid", "names are lower-case words joined by '-'")
			.throwIfAny();
		activities = Activity.normalize(activities);
		note = note == null || note.isBlank() ? null : note;
		timestamp = millis(timestamp);
		until = millis(until);
		figures = figures == null || figures.isEmpty() ? Map.of() : Map.copyOf(new TreeMap<>(figures));
	}

	/** A tuple with only an id and a status; add the rest with the {@code with...} methods. */
	public static PresenceTuple of(String id, BasicStatus status) {
		return new PresenceTuple(id, status, null, Set.of(), null, null, null, Map.of());
	}

	public static PresenceTuple open(String id) {
		return of(id, BasicStatus.OPEN);
	}

	public static PresenceTuple closed(String id) {
		return of(id, BasicStatus.CLOSED);
	}

	public PresenceTuple withStatus(BasicStatus value) {
		return new PresenceTuple(id, value, contact, activities, note, timestamp, until, figures);
	}

	public PresenceTuple withContact(Contact value) {
		return new PresenceTuple(id, status, value, activities, note, timestamp, until, figures);
	}

	public PresenceTuple withActivities(Activity... value) {
		return new PresenceTuple(id, status, contact, Set.of(value), note, timestamp, until, figures);
	}

	public PresenceTuple withNote(String value) {
		return new PresenceTuple(id, status, contact, activities, value, timestamp, until, figures);
	}

	public PresenceTuple withTimestamp(Instant value) {
		return new PresenceTuple(id, status, contact, activities, note, value, until, figures);
	}

	public PresenceTuple withUntil(Instant value) {
		return new PresenceTuple(id, status, contact, activities, note, timestamp, value, figures);
	}

	public PresenceTuple withFigures(Map<String, Long> value) {
		return new PresenceTuple(id, status, contact, activities, note, timestamp, until, value);
	}

	public boolean isOpen() {
		return status == BasicStatus.OPEN;
	}

	private static Instant millis(Instant t) {
		return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
	}
}
