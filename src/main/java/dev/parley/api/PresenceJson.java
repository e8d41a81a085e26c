package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.pidf.PresentityUris;
import dev.parley.presence.Activity;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceSummary;
import dev.parley.presence.PresenceTuple;

/** The JSON representation of a presence document: a summary for people, the tuples for programs. */
record PresenceJson(String presentity, String status, List<String> activities, String note, Instant until,
		List<Tuple> tuples) {

	record Tuple(String id, String status, List<String> activities, String note, String contact, Instant timestamp,
			Instant until, Map<String, Long> figures) {
	}

	static PresenceJson of(PresenceDocument doc, PresentityUris uris) {
		PresenceSummary s = PresenceSummary.of(doc);
		return new PresenceJson(uris.presUri(doc.entity()), s.status(), tokens(s.activities()), s.note(), s.until(),
				doc.tuples().stream().map(PresenceJson::tuple).toList());
	}

	private static Tuple tuple(PresenceTuple t) {
		return new Tuple(t.id(), t.isOpen() ? "open" : "closed", tokens(t.activities()), t.note(),
				t.contact() == null ? null : t.contact().address(), t.timestamp(), t.until(),
				t.figures().isEmpty() ? null : t.figures());
	}

	static List<String> tokens(java.util.Set<Activity> activities) {
		return activities.stream().map(Activity::token).sorted().toList();
	}
}
