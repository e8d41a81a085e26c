package dev.parley.sip.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the SIP adapter keeps what must outlive a restart: subscriptions (their dialogs) and publications
 * (their entity tags and tuples). What a 200 promises is stored before the 200 goes out: a new subscription
 * ({@link #create}) and a refresh's expiry ({@link #refresh}) call back once durable, possibly on another thread, so
 * many can share one commit. Written behind, where a crash that loses them costs nothing the protocol does not
 * mend: CSeq reservations and pending/active changes ({@link #update}: recovery raises the CSeq past the reservation
 * and applies today's rules again), ends ({@link #delete}: a subscription that comes back gets one NOTIFY, answered
 * 481, RFC 6665 s4.1.3), and publications (an entity tag lost in a crash costs its publisher a 412 and an initial
 * PUBLISH, RFC 3903 s6). Reads see every write asked for before them; {@link #flush} at shutdown makes the queued
 * writes durable.
 */
public interface SipStateStore {

	/** Stores a new subscription; {@code stored} gets true once it is durable, false when it could not be stored. */
	void create(StoredSubscription subscription, Consumer<Boolean> stored);

	/** Its CSeq reservation or state changed (written behind; the latest wins). */
	void update(StoredSubscription subscription);

	/** It was refreshed: {@code stored} gets true once its new expiry is durable, false when it could not be stored. */
	void refresh(StoredSubscription subscription, Consumer<Boolean> stored);

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
