package dev.parley.presence;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One presentity's composed state and its subscribers. Changes and their fan-out run under this
 * object's monitor (one lock per presentity, none per subscription), so every watcher sees the
 * changes of one presentity in order; reads of the document need no lock.
 */
final class PresentityEntry {

	final PresentityId id;

	final PresenceDocument neutral;

	private final PresenceDocument openView;

	final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();

	private volatile PresenceDocument document;

	private long version;

	boolean removed;

	PresentityEntry(PresentityId id) {
		this.id = id;
		this.neutral = PresenceDocument.neutral(id);
		this.openView = PresenceDocument.of(id, PresenceTuple.open(PresenceDocument.NEUTRAL_TUPLE));
		this.document = new PresenceDocument(id, List.of(), Set.of(), null);
	}

	PresenceDocument document() {
		return document;
	}

	/**
	 * The document a watcher with this visibility sees; the same object while that view does not change,
	 * which lets the fan-out skip watchers whose view a change did not touch.
	 */
	PresenceDocument view(Visibility visibility) {
		PresenceDocument doc = document;
		return switch (visibility) {
			case FULL -> doc.tuples().isEmpty() ? neutral : doc;
			case BASIC_ONLY -> doc.isOpen() ? openView : neutral;
			case NOTHING -> neutral;
		};
	}

	/** Applies a change and fans it out to the active subscribers; null when nothing changed. */
	synchronized PresenceChanged apply(UnaryOperator<PresenceDocument> change, Fanout fanout, long now) {
		PresenceDocument next = change.apply(document);
		if (removed || next.equals(document)) {
			return null;
		}
		document = next;
		version++;
		for (Subscription s : subscribers) {
			if (s.state() instanceof SubscriptionState.Active) {
				fanout.deliver(s, view(s.visibility()));
			}
		}
		return new PresenceChanged(id, version, next.isOpen(), Instant.ofEpochMilli(now));
	}
}
