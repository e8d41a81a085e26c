package dev.parley.live;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.identity.Role;
import dev.parley.presence.SubscriptionId;

/**
 * One browser tab's live connection, with an explicit lifecycle: OPEN (events and keep-alives flow)
 * then CLOSED (the browser left, the channel failed or the server timed it out), never back. It knows
 * who is connected and how they read (locale, time zone) so fragments are rendered for them. What is to be sent waits
 * in its own small outbox until a writer writes it; it is kept small, since a node holds tens of thousands of these.
 */
final class LiveConnection {

	enum State {
		OPEN, CLOSED
	}

	/** What the page asked for: its owner's own presence and watchers, or the agent's customer panel. */
	enum Topic {
		ME, CUSTOMERS, STATUS, AGENTS, CHARTS
	}

	record Viewer(UUID account, Role role, String name, Locale locale, ZoneId zone, String csrfParameter,
			String csrfToken, String base) {
	}

	/** One frame waiting to be written; {@code key} non-null: a later frame with the same key replaces it. */
	private static final class Out {
		final String key;
		Frame frame;

		Out(String key, Frame frame) {
			this.key = key;
			this.frame = frame;
		}
	}

	private final String id;
	private final Viewer viewer;
	private final Set<Topic> topics;
	private final Channel channel;
	private final int keepAlivePhase;
	private volatile List<SubscriptionId> subscriptions;
	private volatile State state = State.OPEN;
	private final ArrayDeque<Out> outbox = new ArrayDeque<>(2);
	/** A writer task for this connection waits in the writers' queue (so producers need not queue another). */
	private final AtomicBoolean queued = new AtomicBoolean();
	/** A writer is writing this connection's outbox (one at a time, so frames keep their order). */
	private final AtomicBoolean writing = new AtomicBoolean();
	private volatile long lastWrite = System.nanoTime();

	LiveConnection(String id, Viewer viewer, Set<Topic> topics, Channel channel) {
		this.id = id;
		this.viewer = viewer;
		this.topics = Set.copyOf(topics);
		this.channel = channel;
		this.keepAlivePhase = id.hashCode() & 0x7fffffff;
	}

	String id() {
		return id;
	}

	Viewer viewer() {
		return viewer;
	}

	boolean wants(Topic topic) {
		return topics.contains(topic);
	}

	/** The presence subscriptions this connection holds (most connections hold none). */
	List<SubscriptionId> subscriptions() {
		List<SubscriptionId> s = subscriptions;
		return s == null ? List.of() : s;
	}

	synchronized void subscribed(SubscriptionId subscription) {
		if (subscriptions == null) {
			subscriptions = new CopyOnWriteArrayList<>();
		}
		subscriptions.add(subscription);
	}

	boolean isOpen() {
		return state == State.OPEN;
	}

	/** A number fixed for the connection that spreads its keep-alives over the keep-alive period. */
	int keepAlivePhase() {
		return keepAlivePhase;
	}

	/** When a frame was last written (System.nanoTime()). */
	long lastWrite() {
		return lastWrite;
	}

	/**
	 * Queues one frame without waiting for the browser: a frame with a {@code key} replaces the one with the same key
	 * still waiting (the latest status wins; its place in the order is the first one's). False when the connection is
	 * closed or {@code limit} frames wait already: the client is too slow and is to be dropped (its page reconnects and
	 * asks for what it missed).
	 */
	boolean enqueue(Frame frame, String key, int limit) {
		if (state == State.CLOSED) {
			return false;
		}
		synchronized (outbox) {
			if (key != null) {
				for (Out o : outbox) {
					if (key.equals(o.key)) {
						o.frame = frame;
						return true;
					}
				}
			}
			if (outbox.size() >= limit) {
				return false;
			}
			outbox.add(new Out(key, frame));
			return true;
		}
	}

	/** True when the caller is to hand a writer task to the writers: none waits for this connection already. */
	boolean markQueued() {
		return queued.compareAndSet(false, true);
	}

	/** The queued writer task starts: frames that come from now on need a task of their own. */
	void unmarkQueued() {
		queued.set(false);
	}

	/**
	 * Writes what waits, in order, on the calling writer thread, unless another writer is writing this connection
	 * (that one also writes what came meanwhile). Stops, without waiting, when the channel cannot take more now: the
	 * channel calls back when it can. False (and the caller closes the connection) when the channel failed.
	 */
	boolean drain() {
		while (writing.compareAndSet(false, true)) {
			boolean stalled = false;
			try {
				while (true) {
					if (!channel.ready()) {
						stalled = true;
						break;
					}
					Out next = poll();
					if (next == null) {
						break;
					}
					if (!write(next.frame)) {
						return false;
					}
				}
			}
			finally {
				writing.set(false);
			}
			// a callback of the channel that came while this writer held the connection found it busy: ready() again
			// tells whether it came (then this writer goes on) or is still to come
			if (stalled ? !channel.ready() : waiting() == 0) {
				return true; // what comes after this check, its producer (or the channel's callback) hands to a writer
			}
		}
		return true;
	}

	int waiting() {
		synchronized (outbox) {
			return outbox.size();
		}
	}

	/** Moves to CLOSED once; true for the call that closed it. */
	synchronized boolean close() {
		if (state == State.CLOSED) {
			return false;
		}
		state = State.CLOSED;
		synchronized (outbox) {
			outbox.clear();
		}
		channel.close();
		return true;
	}

	private Out poll() {
		synchronized (outbox) {
			return outbox.poll();
		}
	}

	private boolean write(Frame frame) {
		if (state == State.CLOSED) {
			return false;
		}
		try {
			channel.send(frame);
			lastWrite = System.nanoTime();
			return true;
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
