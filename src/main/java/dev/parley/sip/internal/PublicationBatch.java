package dev.parley.sip.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The publication writes of one write group, coalesced. Entity tags are never reused, so a publication saved and
 * then replaced or deleted within the group was never written: it is simply dropped. What remains is deletes of
 * rows written by earlier groups and inserts of the publications still live at the end of the group; none of the
 * deletes names one of the inserts, so deleting first and inserting second is the order the changes were made in.
 * A chain of modifies A (stored) to B to C in one group writes: delete A, insert C.
 */
final class PublicationBatch {

	static final String INSERT = """
			INSERT INTO sip_publications (etag, presentity, pidf, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)""";

	static final String DELETE = "DELETE FROM sip_publications WHERE etag = ?";

	private final Map<String, StoredPublication> inserts = new LinkedHashMap<>();

	private final Set<String> deletes = new LinkedHashSet<>();

	/** A new publication, in place of {@code replaces} (null: none). */
	void save(StoredPublication publication, String replaces) {
		if (replaces != null) {
			delete(replaces);
		}
		inserts.put(publication.etag(), publication);
	}

	void delete(String etag) {
		if (inserts.remove(etag) == null) {
			deletes.add(etag);
		}
	}

	boolean isEmpty() {
		return inserts.isEmpty() && deletes.isEmpty();
	}

	List<Object[]> deletes() {
		List<Object[]> args = new ArrayList<>();
		deletes.forEach(etag -> args.add(new Object[] { etag }));
		return args;
	}

	List<Object[]> inserts(Instant now) {
		List<Object[]> args = new ArrayList<>();
		inserts.values().forEach(p -> args.add(new Object[] { p.etag(), p.presentity(), p.pidf(),
				Timestamp.from(p.expiresAt()), Timestamp.from(now) }));
		return args;
	}
}
