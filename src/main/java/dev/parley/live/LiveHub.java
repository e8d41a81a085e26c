package dev.parley.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.identity.Role;
import dev.parley.presence.PortalPresence;
import dev.parley.presence.PortalSettings;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.presence.PresentityKind;
import dev.parley.presence.Subscription;

/**
 * The live connections of this node: opens and closes them (a customer's connections are their portal presence) and
 * routes events to them. An event is encoded once ({@link Frame}) and goes into each connection's own bounded outbox
 * (superseded keyed events coalesce); a small pool of writers ({@code parley.live.writers}) writes outboxes to the
 * browsers, so no producer ever waits for a browser, no writer waits for one either (a channel whose browser stopped reading
 * says so and calls back when it can take more), and one whose outbox overflows is dropped (its page reconnects). Events for one account (a chat message, an offer) are queued ahead of
 * fan-outs to every page ({@link Writers}), so a broadcast to thousands does not hold them up. Presence fragments are
 * rendered per viewer on one push thread; keep-alives go out from one scheduler thread, spread over the period.
 */
@Component
class LiveHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

	/** The outbox key of keep-alives (an event name no page uses). */
	private static final String KEEP_ALIVE = " keep-alive";

	private static final LiveConnection[] NONE = {};

	private final Map<String, LiveConnection> connections = new ConcurrentHashMap<>();
	private final Map<UUID, LiveConnection[]> byAccount = new ConcurrentHashMap<>();
	private final Map<LiveConnection.Topic, Frame> lastBroadcast = new ConcurrentHashMap<>();
	private final PortalPresence portal;
	private final PresencePush push;
	private final LiveSettings settings;
	private final long idleAfterMillis;
	private ExecutorService sender;
	private volatile Writers writers;
	private ScheduledExecutorService keepAlive;
	private long keepAliveTick;

	LiveHub(PortalPresence portal, PresencePush push, LiveSettings settings, PortalSettings portalSettings) {
		this.portal = portal;
		this.push = push;
		this.settings = settings;
		this.idleAfterMillis = portalSettings.idleAfter().toMillis();
	}

	LiveConnection open(LiveConnection.Viewer viewer, Set<LiveConnection.Topic> topics, Channel channel) {
		var connection = new LiveConnection(UUID.randomUUID().toString(), viewer, topics, channel);
		// a browser that stopped reading holds no writer: its channel calls back when it can take frames again
		channel.onReady(() -> {
			Writers w = writers;
			if (w != null && connection.waiting() > 0) {
				w.write(connection, false, this::close);
			}
		});
		connections.put(connection.id(), connection);
		byAccount.compute(viewer.account(), (k, open) -> append(open, connection));
		if (viewer.role() == Role.CUSTOMER) {
			portal.opened(viewer.account(), connection.id());
		}
		// the browser waits this long before reconnecting after a cut: spread between 1 and 10 s, so that after a
		// restart thousands of pages do not all come back in the same second
		send(connection, Frame.of("hello", "{\"connection\":\"" + connection.id() + "\",\"idleAfter\":" + idleAfterMillis
				+ "}", 1_000 + ThreadLocalRandom.current().nextLong(9_000)), null, true);
		// what was last broadcast on the connection's topics (the center's figures), so a page that comes back sees
		// the latest at once
		lastBroadcast.forEach((topic, last) -> {
			if (connection.wants(topic)) {
				send(connection, last, last.event(), true);
			}
		});
		run(() -> push.start(connection, this));
		return connection;
	}

	/** Closes the connection (once): its subscriptions end; a customer's last tab starts the grace period. */
	void close(LiveConnection connection) {
		if (!connection.close()) {
			return;
		}
		connections.remove(connection.id());
		byAccount.computeIfPresent(connection.viewer().account(), (k, open) -> without(open, connection));
		if (!connection.subscriptions().isEmpty()) {
			push.stop(connection);
		}
		if (connection.viewer().role() == Role.CUSTOMER) {
			portal.closed(connection.viewer().account(), connection.id());
		}
	}

	void close(UUID account, String connectionId) {
		LiveConnection c = owned(account, connectionId);
		if (c != null) {
			close(c);
		}
	}

	void idle(UUID account, String connectionId, boolean idle) {
		LiveConnection c = owned(account, connectionId);
		if (c != null && c.viewer().role() == Role.CUSTOMER) {
			portal.idle(account, connectionId, idle);
		}
	}

	void presenceChanged(Subscription subscription, PresenceDocument document) {
		run(() -> push.presence(subscription, document, this));
	}

	void subscriptionEnded(Subscription subscription) {
		run(() -> push.ended(subscription, this));
	}

	void watchersChanged(PresentityId presentity) {
		if (presentity.kind() != PresentityKind.CUSTOMER) {
			return;
		}
		run(() -> {
			for (LiveConnection c : byAccount.getOrDefault(UUID.fromString(presentity.key()), NONE)) {
				if (c.wants(LiveConnection.Topic.ME)) {
					push.watchers(c, this);
				}
			}
		});
	}

	/** Sends an event to every open connection of the account (all their tabs), ahead of any fan-out. */
	void sendToAccount(UUID account, String event, String data) {
		sendToAccount(account, event, data, null);
	}

	/** As {@link #sendToAccount(UUID, String, String)}; a waiting event with the same key is replaced. */
	void sendToAccount(UUID account, String event, String data, String key) {
		LiveConnection[] open = account == null ? NONE : byAccount.getOrDefault(account, NONE);
		if (open.length == 0) {
			return;
		}
		Frame frame = Frame.of(event, data);
		for (LiveConnection c : open) {
			send(c, frame, key, true);
		}
	}

	/**
	 * Sends one event to every connection that asked for the topic: encoded once, the same bytes for all of them; a
	 * waiting one of the same name is replaced. The calling thread only queues it on each connection (so broadcasts
	 * reach every page in the order they were made); the writers write them in batches ({@link Writers#writeAll}). A
	 * connection whose outbox is full is dropped (its page reconnects and catches up).
	 */
	void broadcast(LiveConnection.Topic topic, String event, String data) {
		Frame frame = Frame.of(event, data);
		lastBroadcast.put(topic, frame);
		List<LiveConnection> queued = new ArrayList<>(connections.size());
		for (LiveConnection c : connections.values()) {
			if (c.wants(topic)) {
				if (c.enqueue(frame, event, settings.outbox())) {
					queued.add(c);
				}
				else {
					dropSlow(c);
				}
			}
		}
		Writers w = writers;
		if (w != null) {
			w.writeAll(queued, this::close);
		}
	}

	/** Whether any open connection asked for the topic. */
	boolean isWanted(LiveConnection.Topic topic) {
		for (LiveConnection c : connections.values()) {
			if (c.wants(topic)) {
				return true;
			}
		}
		return false;
	}

	boolean isConnected(UUID account) {
		return byAccount.containsKey(account);
	}

	/** Sends a fragment rendered for this connection (presence), behind what waits already. */
	void send(LiveConnection connection, String event, String data) {
		send(connection, Frame.of(event, data), null, false);
	}

	/**
	 * Queues the frame on the connection and has a writer write it; never waits for the browser. A frame with a key
	 * replaces the connection's waiting one with the same key; an {@code urgent} one's writer goes ahead of the others.
	 * A connection with too many frames waiting ({@code parley.live.outbox}) is closed: its page reconnects and catches
	 * up, and nobody else waits for it.
	 */
	void send(LiveConnection connection, Frame frame, String key, boolean urgent) {
		if (!connection.enqueue(frame, key, settings.outbox())) {
			dropSlow(connection);
			return;
		}
		Writers w = writers;
		if (w != null) {
			w.write(connection, urgent, this::close);
		}
	}

	private void dropSlow(LiveConnection connection) {
		if (connection.isOpen()) {
			log.info("Live connection {} dropped: {} events waiting for a slow client", connection.id(),
					connection.waiting());
		}
		close(connection);
	}

	int count() {
		return connections.size();
	}

	private LiveConnection owned(UUID account, String connectionId) {
		LiveConnection c = connectionId == null ? null : connections.get(connectionId);
		return c != null && c.viewer().account().equals(account) ? c : null;
	}

	private void run(Runnable task) {
		ExecutorService s = sender;
		if (s == null) {
			return;
		}
		s.execute(() -> {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.warn("live push failed", e);
			}
		});
	}

	/**
	 * Once a second, a keep-alive comment to the connections whose turn it is (each connection's turn comes once per
	 * keep-alive period, so they are spread over it) and that had nothing written for half a period: it also finds
	 * browsers that went away.
	 */
	private void keepAlive() {
		long period = Math.max(1, settings.keepAlive().toSeconds());
		long turn = keepAliveTick++ % period;
		long quiet = System.nanoTime() - settings.keepAlive().toNanos() / 2;
		for (LiveConnection c : connections.values()) {
			if (c.keepAlivePhase() % period == turn && c.lastWrite() - quiet < 0) {
				send(c, Frame.KEEP_ALIVE, KEEP_ALIVE, false);
			}
		}
	}

	private static LiveConnection[] append(LiveConnection[] open, LiveConnection c) {
		if (open == null) {
			return new LiveConnection[] { c };
		}
		LiveConnection[] more = Arrays.copyOf(open, open.length + 1);
		more[open.length] = c;
		return more;
	}

	private static LiveConnection[] without(LiveConnection[] open, LiveConnection c) {
		LiveConnection[] rest = Arrays.stream(open).filter(o -> o != c).toArray(LiveConnection[]::new);
		return rest.length == 0 ? null : rest;
	}

	@Override
	public synchronized void start() {
		sender = Executors.newSingleThreadExecutor(r -> Writers.daemon(r, "live-push"));
		writers = new Writers(settings.writers());
		keepAlive = Executors.newSingleThreadScheduledExecutor(r -> Writers.daemon(r, "live-keepalive"));
		long every = Math.min(1_000, settings.keepAlive().toMillis());
		keepAlive.scheduleWithFixedDelay(() -> {
			try {
				keepAlive();
			}
			catch (RuntimeException e) {
				log.warn("live keep-alive round failed", e);
			}
		}, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		connections.values().forEach(LiveConnection::close);
		connections.clear();
		byAccount.clear();
		keepAlive.shutdownNow();
		sender.shutdownNow();
		writers.shutdown();
		writers = null;
		sender = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return sender != null;
	}
}
