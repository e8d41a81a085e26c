package dev.parley.live;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.identity.Role;
import dev.parley.presence.SubscriptionId;

/**
 * One browser tab's live connection, with an explicit lifecycle: OPEN (events and keep-alives flow)
 * then CLOSED (the browser left, the channel failed or the server timed it out), never back. It knows
 * who is connected and how they read (locale, time zone) so fragments are rendered for them.
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

	private final String id;
	private final Viewer viewer;
	private final Set<Topic> topics;
	private final Channel channel;
	private final Set<SubscriptionId> subscriptions = ConcurrentHashMap.newKeySet();
	private volatile State state = State.OPEN;

	LiveConnection(String id, Viewer viewer, Set<Topic> topics, Channel channel) {
		this.id = id;
		this.viewer = viewer;
		this.topics = Set.copyOf(topics);
		this.channel = channel;
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

	Set<SubscriptionId> subscriptions() {
		return subscriptions;
	}

	boolean isOpen() {
		return state == State.OPEN;
	}

	/** One event waiting to be written; {@code key} non-null: a later event with the same key replaces it. */
	private static final class Out {
		final String event;
		final String key;
		String data;

		Out(String event, String key, String data) {
			this.event = event;
			this.key = key;
			this.data = data;
		}
	}

	private final ArrayDeque<Out> outbox = new ArrayDeque<>();
	private final AtomicBoolean scheduled = new AtomicBoolean();

	/**
	 * Queues one event without waiting for the browser: an event with a {@code key} replaces the one with the same
	 * key still waiting (the latest status wins; its place in the order is the first one's). False when the
	 * connection is closed or {@code limit} events wait already: the client is too slow and is to be dropped (its
	 * page reconnects and asks for what it missed).
	 */
	boolean enqueue(String event, String data, String key, int limit) {
		if (state == State.CLOSED) {
			return false;
		}
		synchronized (outbox) {
			if (key != null) {
				for (Out o : outbox) {
					if (key.equals(o.key)) {
						o.data = data;
						return true;
					}
				}
			}
			if (outbox.size() >= limit) {
				return false;
			}
			outbox.add(new Out(event, key, data));
			return true;
		}
	}

	/** Takes the right to write (one writer per connection at a time); false when another writer has it. */
	boolean schedule() {
		return scheduled.compareAndSet(false, true);
	}

	/**
	 * Writes what waits, in order, on the calling writer thread; false (and CLOSED) when the channel failed. Gives
	 * the right to write back, and true in {@code more} when events came meanwhile (the caller schedules again).
	 */
	boolean drain(boolean[] more) {
		while (true) {
			Out next;
			synchronized (outbox) {
				next = outbox.poll();
			}
			if (next == null) {
				break;
			}
			String event = next.event;
			String data = next.data;
			if (!attempt(() -> {
				if (event == null) {
					channel.keepAlive();
				}
				else {
					channel.send(event, data);
				}
			})) {
				return false;
			}
		}
		scheduled.set(false);
		synchronized (outbox) {
			more[0] = !outbox.isEmpty();
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
		channel.close();
		return true;
	}

	private interface Io {
		void run() throws IOException;
	}

	private boolean attempt(Io io) {
		if (state == State.CLOSED) {
			return false;
		}
		try {
			io.run();
			return true;
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
