package dev.parley.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.parley.common.Violations;

/**
 * RFC 2778 PRESENCE INFORMATION of one presentity: its tuples, in publication order and never collapsed
 * (an agent on the phone in one tuple and idle in chat in another stays two tuples), and the person's
 * own activities and note (RFC 4479 {@code dm:person}).
 */
public record PresenceDocument(PresentityId entity, List<PresenceTuple> tuples, Set<Activity> personActivities,
		String personNote) {

	/** The tuple id of the neutral document and of the basic-only view. */
	public static final String NEUTRAL_TUPLE = "presence";

	public PresenceDocument {
		Objects.requireNonNull(entity, "entity");
		tuples = tuples == null ? List.of() : List.copyOf(tuples);
		Set<String> ids = new HashSet<>();
		new Violations().check(!tuples.stream().allMatch(t -> ids.add(t.id())), "tuple.id", "duplicate",
				"must be unique in the document")
			.check(tuples.size() > 64, "tuples", "too-many", "at most 64 tuples")
			.text(personNote, PresenceTuple.NOTE_MAX, "person.note")
			.throwIfAny();
		personActivities = Activity.normalize(personActivities);
		personNote = personNote == null || personNote.isBlank() ? null : personNote;
	}

	public static PresenceDocument of(PresentityId entity, PresenceTuple... tuples) {
		return new PresenceDocument(entity, List.of(tuples), Set.of(), null);
	}

	/**
	 * What any watcher sees of a presentity that is offline, and all a politely blocked watcher ever
	 * sees: one closed tuple and nothing else.
	 */
	public static PresenceDocument neutral(PresentityId entity) {
		return of(entity, PresenceTuple.closed(NEUTRAL_TUPLE));
	}

	public PresenceDocument withPerson(Set<Activity> activities, String note) {
		return new PresenceDocument(entity, tuples, activities, note);
	}

	/** True when some tuple is open: a derived view for consumers, the tuples stay as they are. */
	public boolean isOpen() {
		return tuples.stream().anyMatch(PresenceTuple::isOpen);
	}

	/** This document with the tuple put in place of the one with the same id, or added at the end. */
	public PresenceDocument with(PresenceTuple tuple) {
		List<PresenceTuple> list = new ArrayList<>(tuples);
		int at = indexOf(tuple.id());
		if (at < 0) {
			list.add(tuple);
		} else {
			list.set(at, tuple);
		}
		return new PresenceDocument(entity, list, personActivities, personNote);
	}

	public PresenceDocument without(String tupleId) {
		List<PresenceTuple> list = new ArrayList<>(tuples);
		list.removeIf(t -> t.id().equals(tupleId));
		return new PresenceDocument(entity, list, personActivities, personNote);
	}

	public int indexOf(String tupleId) {
		for (int i = 0; i < tuples.size(); i++) {
			if (tuples.get(i).id().equals(tupleId)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What a watcher with the given visibility receives. FULL keeps everything (an offline presentity
	 * still reads as the neutral document); BASIC_ONLY keeps one open/closed answer; NOTHING is neutral.
	 */
	public PresenceDocument viewedAs(Visibility visibility) {
		if (visibility == Visibility.FULL && !tuples.isEmpty()) {
			return this;
		}
		if (visibility == Visibility.BASIC_ONLY && isOpen()) {
			return of(entity, PresenceTuple.open(NEUTRAL_TUPLE));
		}
		return neutral(entity);
	}
}
