package dev.parley.sip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.identity.AccountId;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Subscription;
import dev.parley.presence.SubscriptionId;
import dev.parley.presence.SubscriptionState;
import dev.parley.presence.Watcher;
import dev.parley.presence.WatcherInfo;
import dev.parley.presence.WatcherStatus;
import dev.parley.sip.internal.StoredSubscription;

/**
 * One SIP subscription (a dialog): to {@code presence}, carrying a presence {@link Subscription}, or to
 * {@code presence.winfo}, holding the watcher list it reports. Its outbox keeps the latest state only
 * (RFC 3856 s6.4 rate limit: at most one NOTIFY per interval, last state wins; a final one goes at once).
 */
final class SipSubscription {

	/** What one NOTIFY carries, taken from the outbox. */
	record Outgoing(PresenceDocument document, long version, List<WatcherInfo> watchers, String terminatedReason) {
		boolean terminal() {
			return terminatedReason != null;
		}
	}

	final SipDialog dialog;

	final SipEvent event;

	final Watcher watcher;

	final AccountId account;

	final PresentityId presentity;

	/** How the subscriber named the presentity (a token, or a username whose address is the PIDF entity). */
	final SipPrincipals.Address address;

	/**
	 * The presence subscription; null for watcher information, and for a stand-in: a subscription to a
	 * presentity that does not exist or refuses this watcher, kept pending with the neutral document so that
	 * it answers exactly like one waiting for the principal's approval (no existence leak).
	 */
	final Subscription presence;

	private final boolean winfo;

	private final Map<Long, WatcherInfo> watchers = new TreeMap<>();

	private long version = -1;

	private volatile long expiresAtMillis;

	private PresenceDocument latest;

	private boolean dirty;

	private boolean scheduled;

	private String terminatedReason;

	private boolean closed;

	private long lastSentAt = Long.MIN_VALUE / 2;

	/**
	 * A NOTIFY is out and not yet answered: the next waits for its answer (one outstanding per subscription), so
	 * a slow subscriber gets the latest state when it is ready instead of a queue, and CSeqs arrive in order.
	 */
	private boolean inFlight;

	final Object sendLock = new Object();

	/** Every CSeq sent in the dialog stays below this (stored); raised a block at a time, half a block early. */
	private volatile long cseqReserved;

	/** The Subscription-State last stored: {@code active} or {@code pending}. */
	private volatile String storedState;

	SipSubscription(SipDialog dialog, SipEvent event, Watcher watcher, AccountId account, SipPrincipals.Address address,
			Subscription presence) {
		this.winfo = event.isWinfo();
		this.dialog = dialog;
		this.event = event;
		this.watcher = watcher;
		this.account = account;
		this.address = address;
		this.presentity = address.presentity();
		this.presence = presence;
	}

	boolean isWinfo() {
		return winfo;
	}

	/** Pending for ever with the neutral document: an unknown or refusing presentity (see {@link #presence}). */
	boolean isStandIn() {
		return !winfo && presence == null;
	}

	/** Kept by the adapter alone (winfo, stand-in): it expires them itself. */
	boolean isLocal() {
		return presence == null;
	}

	long expiresAtMillis() {
		return presence != null ? presence.expiresAt().toEpochMilli() : expiresAtMillis;
	}

	void expiresAt(long millis) {
		this.expiresAtMillis = millis;
	}

	/**
	 * Puts a new state in the outbox ({@code document} for presence; null for watcher information, whose
	 * list is updated with {@link #watcherChanged}). Returns the delay before the outbox should be drained,
	 * or -1 when a drain is due anyway.
	 */
	synchronized long offer(PresenceDocument document, String terminate, long now, long intervalMillis) {
		if (closed) {
			return -1;
		}
		if (document != null) {
			latest = document;
		}
		dirty = true;
		if (terminate != null) {
			terminatedReason = terminate;
			return 0;
		}
		if (scheduled) {
			return -1;
		}
		scheduled = true;
		return Math.max(0, lastSentAt + intervalMillis - now);
	}

	synchronized void watcherChanged(WatcherInfo info) {
		watchers.put(info.id().value(), info);
	}

	synchronized void watchers(List<WatcherInfo> all) {
		all.forEach(w -> watchers.put(w.id().value(), w));
	}

	/**
	 * The state to send now, or null when nothing is waiting or the last NOTIFY is not answered yet (a final
	 * NOTIFY does not wait). Terminated watchers are reported once.
	 */
	synchronized Outgoing take(long now) {
		scheduled = false;
		if (!dirty || closed || (inFlight && terminatedReason == null)) {
			return null;
		}
		inFlight = true;
		dirty = false;
		lastSentAt = now;
		closed = terminatedReason != null;
		List<WatcherInfo> list = List.of();
		if (isWinfo()) {
			version++;
			list = new ArrayList<>(watchers.values());
			watchers.values().removeIf(w -> w.status() == WatcherStatus.TERMINATED);
		}
		return new Outgoing(latest, version, list, terminatedReason);
	}

	/**
	 * The last NOTIFY was answered: returns the delay before the outbox should be drained again (the state changed
	 * meanwhile), or -1 when nothing waits or a drain is due anyway.
	 */
	synchronized long answered(long now, long intervalMillis) {
		inFlight = false;
		if (!dirty || closed || scheduled) {
			return -1;
		}
		scheduled = true;
		return Math.max(0, lastSentAt + intervalMillis - now);
	}

	synchronized boolean isClosed() {
		return closed;
	}

	/** Closes the outbox without a final NOTIFY (the watcher answered 481, say). */
	synchronized void close() {
		closed = true;
	}

	/** {@code pending} for a stand-in or a subscription awaiting approval, else {@code active}. */
	String stateName() {
		boolean pending = isStandIn() || presence != null && presence.state() instanceof SubscriptionState.Pending;
		return pending ? "pending" : "active";
	}

	long cseqReserved() {
		return cseqReserved;
	}

	void reserve(long cseq) {
		this.cseqReserved = cseq;
	}

	String storedState() {
		return storedState;
	}

	/** The row that keeps this subscription across a restart, with the state now. */
	StoredSubscription stored() {
		storedState = stateName();
		return new StoredSubscription(dialog.state(), cseqReserved, event.pkg(), event.id(), account.value(),
				watcher.uri(), watcher.watcherClass().name(), address.stored(), Instant.ofEpochMilli(expiresAtMillis()),
				storedState);
	}

	SubscriptionId presenceId() {
		return presence == null ? null : presence.id();
	}
}
