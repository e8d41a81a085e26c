package dev.parley.sip.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the SIP adapter keeps what must outlive a restart: subscriptions (their dialogs) and publications
 * (their entity tags and tuples). A new subscription is stored before its 200 goes out ({@link #create} calls
 * back once it is durable, possibly on another thread, so many can share one commit); refreshes, CSeq
 * reservations and ends are written behind ({@link #update}, {@link #delete}), and so are publications (an
 * entity tag lost in a crash costs its publisher a 412 and an initial PUBLISH, RFC 3903). Reads see every write
 * asked for before them; {@link #flush} at shutdown makes the queued writes durable.
 */
public interface SipStateStore {

	/** Stores a new subscription; {@code stored} gets true once it is durable, false when it could not be stored. */
	void create(StoredSubscription subscription, Consumer<Boolean> stored);

	/** Its expiry, CSeq reservation or state changed (written behind; the latest wins). */
	void update(StoredSubscription subscription);

	/** It ended (written behind). */
	void delete(String dialogKey);

	/** Stores a publication, in place of the one {@code replaces} names (null for none), written behind. */
	void savePublication(StoredPublication publication, String replaces);

	/** It was removed or expired (written behind). */
	void deletePublication(String etag);

	List<StoredSubscription> subscriptions();

	List<StoredPublication> publications();

	/** Waits until every write asked for so far is done (at shutdown). */
	void flush();

	/** A store in memory, writing at once: the unit tests', and a "restart" within one JVM. */
	static SipStateStore inMemory() {
		return new InMemorySipStateStore();
	}
}
