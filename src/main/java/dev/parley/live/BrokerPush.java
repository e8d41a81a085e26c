package dev.parley.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.parley.agent.AgentStateChanged;
import dev.parley.chat.ChatMessagePosted;
import dev.parley.chat.ChatReceiptsChanged;
import dev.parley.chat.ChatTyping;
import dev.parley.chat.Receipts;
import dev.parley.common.AfterCommit;
import dev.parley.routing.InteractionEvent;
import dev.parley.routing.InteractionOffered;
import dev.parley.routing.InteractionTransferred;
import dev.parley.routing.Interactions;
import dev.parley.routing.OfferEnded;

import tools.jackson.databind.json.JsonMapper;

/**
 * The broker's steps and chat, pushed to the accounts they concern over their live connections (every tab):
 * {@code offer} and {@code offer-ended} to the agent, {@code interaction} (state, place in the queue) to the
 * customer and the agent, {@code agent-state} to the agent whose state changed (also busy and wrap-up, which
 * follow their work), {@code message}, {@code receipts} and {@code typing} to both sides of a chat. Data is
 * JSON; a page or client that was away asks the API for what it missed (messages after the last sequence number
 * it has). Places in a queue change whenever anyone ahead moves: they are pushed per queue at most twice a
 * second. Not through the event publication registry: a push lost in a crash is made good by the reconnect. So the
 * listeners are plain {@code @EventListener}s that push once the transaction commits ({@link AfterCommit}): Spring
 * Modulith records every {@code @TransactionalEventListener} in the registry, and marks it processing in a new
 * transaction while the committing one still holds its connection, so ten chat messages at once held the whole
 * connection pool and waited for it (30 s, then an error).
 */
@Component
class BrokerPush implements SmartLifecycle {

	private static final long POSITION_EVERY_MILLIS = 500;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LiveHub hub;
	private final Interactions interactions;
	private final Set<String> queuesToPlace = ConcurrentHashMap.newKeySet();
	private ScheduledExecutorService timer;

	BrokerPush(LiveHub hub, Interactions interactions) {
		this.hub = hub;
		this.interactions = interactions;
	}

	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void on(InteractionEvent event) {
		AfterCommit.run(() -> push(event));
	}

	private void push(InteractionEvent event) {
		interactions.find(event.interaction()).ifPresent(i -> {
			var data = new LinkedHashMap<String, Object>();
			data.put("id", i.id().toString());
			data.put("state", i.state().token());
			data.put("queue", i.queue());
			data.put("medium", token(i.medium().name()));
			data.put("version", i.version());
			hub.sendToAccount(i.customer().value(), "interaction", json(data));
			if (i.agent() != null) {
				hub.sendToAccount(i.agent().value(), "interaction", json(data));
			}
			queuesToPlace.add(i.queue());
		});
		if (event instanceof InteractionOffered offered) {
			var data = new LinkedHashMap<String, Object>();
			data.put("id", offered.offer().toString());
			data.put("interaction", offered.interaction().toString());
			data.put("queue", offered.queue());
			data.put("medium", token(offered.medium().name()));
			data.put("expiresAt", offered.expiresAt().toString());
			hub.sendToAccount(offered.agent().value(), "offer", json(data));
		}
		if (event instanceof OfferEnded ended) {
			hub.sendToAccount(ended.agent().value(), "offer-ended", json(Map.of("id", ended.offer().toString(),
					"interaction", ended.interaction().toString(), "outcome", token(ended.outcome().name()))));
		}
		if (event instanceof InteractionTransferred transferred && transferred.from() != null) {
			hub.sendToAccount(transferred.from().value(), "interaction", json(Map.of("id",
					transferred.interaction().toString(), "state", "transferred")));
		}
	}

	@EventListener
	void on(ChatMessagePosted posted) {
		AfterCommit.run(() -> push(posted));
	}

	private void push(ChatMessagePosted posted) {
		var m = posted.message();
		var data = new LinkedHashMap<String, Object>();
		data.put("interaction", m.interaction().toString());
		data.put("seq", m.seq());
		data.put("sender", token(m.sender().name()));
		data.put("senderName", m.senderName());
		data.put("body", m.body());
		data.put("clientId", m.clientId());
		data.put("sentAt", m.sentAt().toString());
		String json = json(data);
		hub.sendToAccount(posted.customer(), "message", json);
		hub.sendToAccount(posted.agent(), "message", json);
	}

	/** After the transaction that raised the receipts commits. */
	@EventListener
	void on(ChatReceiptsChanged changed) {
		AfterCommit.run(() -> push(changed));
	}

	private void push(ChatReceiptsChanged changed) {
		Receipts r = changed.receipts();
		String json = json(Map.of("interaction", changed.interaction().toString(), "lastSeq", r.lastSeq(),
				"customerDelivered", r.customerDelivered(), "customerRead", r.customerRead(), "agentDelivered",
				r.agentDelivered(), "agentRead", r.agentRead()));
		hub.sendToAccount(changed.customer(), "receipts", json);
		hub.sendToAccount(changed.agent(), "receipts", json);
	}

	@EventListener
	void on(AgentStateChanged changed) {
		AfterCommit.run(() -> push(changed));
	}

	private void push(AgentStateChanged changed) {
		var data = new LinkedHashMap<String, Object>();
		data.put("state", changed.state().token());
		data.put("reason", changed.reason() == null ? null : changed.reason().token());
		data.put("at", changed.at() == null ? null : changed.at().toString());
		hub.sendToAccount(changed.agent().value(), "agent-state", json(data));
	}

	@EventListener
	void on(ChatTyping typing) {
		String json = json(Map.of("interaction", typing.interaction().toString(), "side", token(typing.side().name()),
				"name", typing.name() == null ? "" : typing.name(), "at", Instant.now().toString()));
		UUID other = switch (typing.side()) {
			case CUSTOMER -> typing.agent();
			case AGENT, SYSTEM -> typing.customer();
		};
		hub.sendToAccount(other, "typing", json);
	}

	private void placePositions() {
		for (String queue : Set.copyOf(queuesToPlace)) {
			queuesToPlace.remove(queue);
			for (Interactions.Seen seen : interactions.waiting(queue)) {
				UUID customer = seen.interaction().customer().value();
				if (hub.isConnected(customer)) {
					hub.sendToAccount(customer, "position", json(Map.of("id", seen.interaction().id().toString(),
							"position", seen.position())), "position:" + seen.interaction().id());
				}
			}
		}
	}

	private static String token(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "live-positions");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleWithFixedDelay(() -> {
			try {
				placePositions();
			}
			catch (RuntimeException e) {
				// the next round tries again
			}
		}, POSITION_EVERY_MILLIS, POSITION_EVERY_MILLIS, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return timer != null;
	}
}
