package dev.parley.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * The live connections of this node: opens and closes them (a customer's connections are their portal
 * presence), renders and routes events on one push thread and sends keep-alives from one scheduler thread. A
 * sent event goes into the connection's own bounded outbox (superseded keyed events coalesce) and a small pool of
 * writers ({@code parley.live.writers}) writes outboxes to the browsers: no producer ever waits for a browser, a
 * slow browser holds at most one writer, and one whose outbox overflows is dropped (its page reconnects).
 */
@Component
class LiveHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

	/** The outbox key of keep-alives (an event name no page uses). */
	private static final String KEEP_ALIVE = " keep-alive";

	private final Map<String, LiveConnection> connections = new ConcurrentHashMap<>();
	private final Map<UUID, Set<LiveConnection>> byAccount = new ConcurrentHashMap<>();
	private final PortalPresence portal;
	private final PresencePush push;
	private final LiveSettings settings;
	private final long idleAfterMillis;
	private ExecutorService sender;
	private volatile ExecutorService writers;
	private final Map<LiveConnection.Topic, String[]> lastBroadcast = new ConcurrentHashMap<>();
	private ScheduledExecutorService keepAlive;

	LiveHub(PortalPresence portal, PresencePush push, LiveSettings settings, PortalSettings portalSettings) {
		this.portal = portal;
		this.push = push;
		this.settings = settings;
		this.idleAfterMillis = portalSettings.idleAfter().toMillis();
	}

	LiveConnection open(LiveConnection.Viewer viewer, Set<LiveConnection.Topic> topics, Channel channel) {
		var connection = new LiveConnection(UUID.randomUUID().toString(), viewer, topics, channel);
		connections.put(connection.id(), connection);
		byAccount.computeIfAbsent(viewer.account(), k -> ConcurrentHashMap.newKeySet()).add(connection);
		if (viewer.role() == Role.CUSTOMER) {
			portal.opened(viewer.account(), connection.id());
		}
		run(() -> {
			send(connection, "hello",
					"{\"connection\":\"" + connection.id() + "\",\"idleAfter\":" + idleAfterMillis + "}");
			// what was last broadcast on the connection's topics (the center's figures), so a page that comes
			// back sees the latest at once
			lastBroadcast.forEach((topic, last) -> {
				if (connection.wants(topic)) {
					send(connection, last[0], last[1], last[0]);
				}
			});
			push.start(connection, this);
		});
		return connection;
	}

	/** Closes the connection (once): its subscriptions end; a customer's last tab starts the grace period. */
	void close(LiveConnection connection) {
		if (!connection.close()) {
			return;
		}
		connections.remove(connection.id());
		byAccount.computeIfPresent(connection.viewer().account(), (k, set) -> {
			set.remove(connection);
			return set.isEmpty() ? null : set;
		});
		push.stop(connection);
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
		run(() -> connections.values().stream()
			.filter(c -> c.wants(LiveConnection.Topic.ME) && presentity.key().equals(c.viewer().account().toString()))
			.forEach(c -> push.watchers(c, this)));
	}

	/** Sends an event to every open connection of the account (all their tabs), on the push thread. */
	void sendToAccount(UUID account, String event, String data) {
		sendToAccount(account, event, data, null);
	}

	/** As {@link #sendToAccount(UUID, String, String)}; a waiting event with the same key is replaced. */
	void sendToAccount(UUID account, String event, String data, String key) {
		if (account == null || !byAccount.containsKey(account)) {
			return;
		}
		run(() -> {
			Set<LiveConnection> open = byAccount.get(account);
			if (open != null) {
				List.copyOf(open).forEach(c -> send(c, event, data, key));
			}
		});
	}

	/**
	 * Sends one event to every connection that asked for the topic, on the push thread: rendered once, the same
	 * bytes for all of them.
	 */
	void broadcast(LiveConnection.Topic topic, String event, String data) {
		lastBroadcast.put(topic, new String[] { event, data });
		run(() -> List.copyOf(connections.values()).stream().filter(c -> c.wants(topic)).forEach(c -> send(c, event,
				data, event)));
	}

	boolean isConnected(UUID account) {
		return byAccount.containsKey(account);
	}

	/** Sends on the push thread; a failed send closes the connection. */
	void send(LiveConnection connection, String event, String data) {
		send(connection, event, data, null);
	}

	/**
	 * Queues the event on the connection and has a writer write it; never waits for the browser. An event with a
	 * key replaces the connection's waiting one with the same key. A connection with too many events waiting
	 * ({@code parley.live.outbox}) is closed: its page reconnects and catches up, and nobody else waits for it.
	 */
	void send(LiveConnection connection, String event, String data, String key) {
		if (!connection.enqueue(event, data, key, settings.outbox())) {
			if (connection.isOpen()) {
				log.info("Live connection {} dropped: {} events waiting for a slow client", connection.id(),
						connection.waiting());
			}
			close(connection);
			return;
		}
		write(connection);
	}

	private void write(LiveConnection connection) {
		ExecutorService w = writers;
		if (w == null || !connection.schedule()) {
			return;
		}
		w.execute(() -> {
			boolean[] more = { false };
			if (!connection.drain(more)) {
				close(connection);
			}
			else if (more[0]) {
				write(connection);
			}
		});
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

	/** A keep-alive comment through each outbox (one waiting at most): it also finds browsers that went away. */
	private void keepAlive() {
		for (LiveConnection c : List.copyOf(connections.values())) {
			send(c, null, null, KEEP_ALIVE);
		}
	}

	@Override
	public synchronized void start() {
		sender = Executors.newSingleThreadExecutor(r -> daemon(r, "live-push"));
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		writers = Executors.newFixedThreadPool(settings.writers(), r -> daemon(r, "live-write-" + n.incrementAndGet()));
		keepAlive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-keepalive"));
		long every = settings.keepAlive().toMillis();
		keepAlive.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		connections.values().forEach(LiveConnection::close);
		connections.clear();
		byAccount.clear();
		keepAlive.shutdownNow();
		sender.shutdownNow();
		writers.shutdownNow();
		writers = null;
		sender = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return sender != null;
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}
}
