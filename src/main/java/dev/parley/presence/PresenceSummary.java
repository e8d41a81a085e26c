package dev.parley.presence;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A presence document read as one person: open when any tuple is open, every activity of the tuples and
 * the person, the person's note (else the first tuple note) and the first "until". For pages and JSON.
 */
public record PresenceSummary(boolean open, Set<Activity> activities, String note, Instant until) {

	public static PresenceSummary of(PresenceDocument doc) {
		Set<Activity> activities = EnumSet.noneOf(Activity.class);
		activities.addAll(doc.personActivities());
		String note = doc.personNote();
		Instant until = null;
		for (PresenceTuple t : doc.tuples()) {
			activities.addAll(t.activities());
			note = note == null ? t.note() : note;
			until = until == null ? t.until() : until;
		}
		return new PresenceSummary(doc.isOpen(), Activity.normalize(activities), note, until);
	}

	public String status() {
		return open ? "open" : "closed";
	}

	public boolean has(Activity activity) {
		return activities.contains(activity);
	}
}
