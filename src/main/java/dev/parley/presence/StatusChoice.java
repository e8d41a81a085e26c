package dev.parley.presence;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.parley.common.Violations;

/**
 * The status a person set explicitly: OPEN means "show me as the portal says" (open while a tab is
 * open), CLOSED means "appear offline"; plus the activities (RFC 4480) and a note they chose.
 */
public record StatusChoice(BasicStatus status, Set<Activity> activities, String note) {

	public static final int NOTE_MAX = 200;

	public static final int ACTIVITIES_MAX = 5;

	/** The activities a person may choose; the contact-center terms are set by routing only. */
	public static final Set<Activity> CHOOSABLE = EnumSet.complementOf(
			EnumSet.of(Activity.RESERVED, Activity.WRAP_UP, Activity.UNKNOWN));

	public StatusChoice {
		activities = Activity.normalize(activities);
		note = note == null || note.isBlank() ? null : note.strip();
	}

	public static StatusChoice automatic() {
		return new StatusChoice(BasicStatus.OPEN, Set.of(), null);
	}

	/** Reads and checks user input, naming every bad field ({@code status}, {@code activities[i]}, {@code note}). */
	public static StatusChoice parse(String status, List<String> activities, String note) {
		Violations v = new Violations();
		BasicStatus basic = null;
		if (status == null || status.isBlank()) {
			v.add("status", "required", "must be open or closed");
		}
		else {
			try {
				basic = BasicStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				v.add("status", "invalid", "must be open or closed");
			}
		}
		Set<Activity> chosen = activities(activities, v);
		v.text(note, NOTE_MAX, "note").throwIfAny();
		return new StatusChoice(basic, chosen, note);
	}

	private static Set<Activity> activities(List<String> tokens, Violations v) {
		List<String> list = tokens == null ? List.of() : tokens;
		v.check(list.size() > ACTIVITIES_MAX, "activities", "too-many", "at most " + ACTIVITIES_MAX + " activities");
		List<Activity> found = new ArrayList<>();
		for (int i = 0; i < list.size() && i < 32; i++) {
			Activity a = list.get(i) == null ? null : Activity.ofRpidElement(list.get(i).strip());
			if (a == null || !CHOOSABLE.contains(a)) {
				v.add("activities[" + i + "]", "invalid", "is not an activity one may choose (e.g. busy, meeting, away)");
			}
			else {
				found.add(a);
			}
		}
		return found.isEmpty() ? Set.of() : EnumSet.copyOf(found);
	}
}
