package dev.parley.live;

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
		ME, CUSTOMERS, STATUS, AGENTS
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

	/** Sends one event; false (and CLOSED) when the channel failed. Called on the push thread only. */
	boolean send(String event, String data) {
		return attempt(() -> channel.send(event, data));
	}

	boolean keepAlive() {
		return attempt(channel::keepAlive);
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
