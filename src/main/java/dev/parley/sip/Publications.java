package dev.parley.sip;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.parley.common.NotFoundException;
import dev.parley.pidf.PidfCodec;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.sip.internal.SipStateStore;
import dev.parley.sip.internal.StoredPublication;

/**
 * The event state compositor's publications (RFC 3903 s6): each PUBLISH that is accepted holds a set of
 * tuples of one presentity under an entity tag until it is modified, refreshed, removed or expires; the
 * presence service composes them with everything else the presentity publishes. Removal and expiry take the
 * publication's tuples (and its person part) away, except tuple ids (and a person part) that another live
 * publication of the presentity holds: after a crash an old publication may come back from its row while its
 * device has published the same tuples under a new entity tag. Every successful operation gives a new entity tag.
 * Each is handed to the store (its PIDF), which writes it behind (decision 0006): the PUBLISH is answered without
 * waiting, and after a restart the entity tags and tuples written by then are back.
 */
final class Publications {

	record Publication(String etag, PresentityId presentity, Set<String> tuples, boolean person, long expiresAt,
			PresenceDocument document) {

		static Publication of(String etag, PresenceDocument document, long expiresAt) {
			Set<String> ids = new LinkedHashSet<>();
			document.tuples().forEach(t -> ids.add(t.id()));
			boolean person = !document.personActivities().isEmpty() || document.personNote() != null;
			return new Publication(etag, document.entity(), ids, person, expiresAt, document);
		}
	}

	private final Map<String, Publication> byEtag = new ConcurrentHashMap<>();

	/** The live entity tags of each presentity (changed and read under this object's lock). */
	private final Map<PresentityId, Set<String>> etagsOf = new HashMap<>();

	private final Presence presence;

	private final SipStateStore store;

	private final SecureRandom random = new SecureRandom();

	private final PidfCodec pidf;

	Publications(Presence presence, SipStateStore store, PidfCodec pidf) {
		this.presence = presence;
		this.store = store;
		this.pidf = pidf;
	}

	Optional<Publication> find(String etag, PresentityId presentity) {
		Publication p = etag == null ? null : byEtag.get(etag);
		return p != null && p.presentity().equals(presentity) ? Optional.of(p) : Optional.empty();
	}

	/** An initial PUBLISH, or a modify of {@code previous} (tuples it no longer has are removed). */
	synchronized Publication publish(Publication previous, PresenceDocument document, long expiresAt) {
		if (previous != null && !byEtag.containsKey(previous.etag())) {
			return null;
		}
		presence.publish(document); // first: its NOTIFYs need not wait for the row (written behind anyway)
		Publication p = save(Publication.of(newEtag(), document, expiresAt), previous);
		if (previous != null) {
			withdraw(previous); // what p (or another live publication) still holds stays
		}
		return p;
	}

	/** A refresh: same state, new entity tag and expiry; null when the old tag is gone meanwhile. */
	synchronized Publication refresh(Publication previous, long expiresAt) {
		if (!byEtag.containsKey(previous.etag())) {
			return null;
		}
		return save(Publication.of(newEtag(), previous.document(), expiresAt), previous);
	}

	/** A remove (Expires 0): its tuples go; false when the tag is gone meanwhile. */
	synchronized boolean remove(Publication previous) {
		if (!byEtag.containsKey(previous.etag())) {
			return false;
		}
		store.deletePublication(previous.etag());
		forget(previous);
		withdraw(previous);
		return true;
	}

	/** Withdraws the publications whose time is over; returns how many. */
	synchronized int expire(long now) {
		List<Publication> due = new ArrayList<>();
		byEtag.values().stream().filter(p -> p.expiresAt() <= now).forEach(due::add);
		due.forEach(p -> {
			store.deletePublication(p.etag());
			forget(p);
			withdraw(p);
		});
		return due.size();
	}

	/** After a restart: a stored publication's tuples are back under its entity tag, until it expires. */
	synchronized void restore(StoredPublication stored) {
		PresenceDocument document = pidf.parse(stored.pidf());
		presence.publish(document);
		put(Publication.of(stored.etag(), document, stored.expiresAt().toEpochMilli()));
	}

	int count() {
		return byEtag.size();
	}

	/** Handed to the store first (nothing changes when it refuses), then in memory in place of {@code previous}. */
	private Publication save(Publication p, Publication previous) {
		store.savePublication(new StoredPublication(p.etag(), p.presentity().userPart(), pidf.write(p.document()),
				Instant.ofEpochMilli(p.expiresAt())), previous == null ? null : previous.etag());
		if (previous != null) {
			forget(previous);
		}
		put(p);
		return p;
	}

	private void put(Publication p) {
		byEtag.put(p.etag(), p);
		etagsOf.computeIfAbsent(p.presentity(), k -> new HashSet<>()).add(p.etag());
	}

	private void forget(Publication p) {
		byEtag.remove(p.etag());
		etagsOf.computeIfPresent(p.presentity(), (k, etags) -> etags.remove(p.etag()) && etags.isEmpty() ? null : etags);
	}

	/** Takes a publication's tuples and person part away, but none that a live publication of it holds. */
	private void withdraw(Publication p) {
		p.tuples().stream().filter(id -> live(p.presentity()).noneMatch(o -> o.tuples().contains(id)))
			.forEach(id -> removeTuple(p.presentity(), id));
		if (p.person() && live(p.presentity()).noneMatch(Publication::person) && presence.exists(p.presentity())) {
			presence.setPerson(p.presentity(), Set.of(), null);
		}
	}

	private Stream<Publication> live(PresentityId presentity) {
		return etagsOf.getOrDefault(presentity, Set.of()).stream().map(byEtag::get).filter(Objects::nonNull);
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
