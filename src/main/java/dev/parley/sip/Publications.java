package dev.parley.sip;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.common.NotFoundException;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;

/**
 * The event state compositor's publications (RFC 3903 s6): each PUBLISH that is accepted holds a set of
 * tuples of one presentity under an entity tag until it is modified, refreshed, removed or expires; the
 * presence service composes them with everything else the presentity publishes. Removal and expiry take the
 * publication's tuples (and its person part) away. Every successful operation gives a new entity tag.
 */
final class Publications {

	record Publication(String etag, PresentityId presentity, Set<String> tuples, boolean person, long expiresAt) {
	}

	private final Map<String, Publication> byEtag = new ConcurrentHashMap<>();

	private final Presence presence;

	private final SecureRandom random = new SecureRandom();

	Publications(Presence presence) {
		this.presence = presence;
	}

	Optional<Publication> find(String etag, PresentityId presentity) {
		Publication p = etag == null ? null : byEtag.get(etag);
		return p != null && p.presentity().equals(presentity) ? Optional.of(p) : Optional.empty();
	}

	/** An initial PUBLISH, or a modify of {@code previous} (tuples it no longer has are removed). */
	synchronized Publication publish(Publication previous, PresenceDocument document, long expiresAt) {
		if (previous != null && byEtag.remove(previous.etag()) == null) {
			return null;
		}
		Set<String> ids = new LinkedHashSet<>();
		document.tuples().forEach(t -> ids.add(t.id()));
		boolean person = !document.personActivities().isEmpty() || document.personNote() != null;
		presence.publish(document);
		if (previous != null) {
			previous.tuples().stream().filter(id -> !ids.contains(id)).forEach(id -> removeTuple(previous.presentity(), id));
			if (previous.person() && !person) {
				presence.setPerson(previous.presentity(), Set.of(), null);
			}
		}
		Publication p = new Publication(newEtag(), document.entity(), ids, person, expiresAt);
		byEtag.put(p.etag(), p);
		return p;
	}

	/** A refresh: same state, new entity tag and expiry; null when the old tag is gone meanwhile. */
	synchronized Publication refresh(Publication previous, long expiresAt) {
		if (byEtag.remove(previous.etag()) == null) {
			return null;
		}
		Publication p = new Publication(newEtag(), previous.presentity(), previous.tuples(), previous.person(), expiresAt);
		byEtag.put(p.etag(), p);
		return p;
	}

	/** A remove (Expires 0): its tuples go; false when the tag is gone meanwhile. */
	synchronized boolean remove(Publication previous) {
		if (byEtag.remove(previous.etag()) == null) {
			return false;
		}
		withdraw(previous);
		return true;
	}

	/** Withdraws the publications whose time is over; returns how many. */
	synchronized int expire(long now) {
		List<Publication> due = new ArrayList<>();
		byEtag.values().stream().filter(p -> p.expiresAt() <= now).forEach(due::add);
		due.forEach(p -> {
			byEtag.remove(p.etag());
			withdraw(p);
		});
		return due.size();
	}

	int count() {
		return byEtag.size();
	}

	private void withdraw(Publication p) {
		p.tuples().forEach(id -> removeTuple(p.presentity(), id));
		if (p.person() && presence.exists(p.presentity())) {
			presence.setPerson(p.presentity(), Set.of(), null);
		}
	}

	private void removeTuple(PresentityId presentity, String id) {
		try {
			presence.removeTuple(presentity, id);
		}
		catch (NotFoundException e) {
			// the presentity is gone already
		}
	}

	private String newEtag() {
		byte[] bytes = new byte[12];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
