package dev.parley.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.alerts.internal.RuleIndex;
import dev.parley.common.CustomerId;
import dev.parley.invitations.InvitationEvent;
import dev.parley.orders.OrderStatusChanged;
import dev.parley.presence.PresenceChanged;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresentityKind;
import dev.parley.routing.InteractionAbandoned;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionOffered;
import dev.parley.routing.InteractionQueued;
import dev.parley.routing.InteractionTransferred;
import dev.parley.routing.Interactions;
import dev.parley.routing.OfferEnded;
import dev.parley.status.CenterStatus;
import dev.parley.status.StatusChanged;
import dev.parley.status.StatusThresholds;

/**
 * Where alerts come from: other modules' events. Events whose effect must not be lost (an agent's state, an order's
 * status, the broker's steps, invitations) come through the event publication registry
 * ({@code @ApplicationModuleListener}: after commit, redelivered after a failure; an alert's id is derived from the
 * event, so a redelivery stores it once). Presence and the center's figures are in-memory state announced as they
 * change, so their listeners are plain. Each listener asks the {@link RuleIndex} for its own keys only, and returns at
 * once when nobody holds a rule of the kind.
 */
@Component
class AlertTriggers {

	private static final Logger log = LoggerFactory.getLogger(AlertTriggers.class);

	private final Alerts alerts;
	private final RuleIndex index;
	private final AlertMatcher matcher;
	private final AlertLookups lookups;
	private final Interactions interactions;
	private final CenterStatus center;
	private final StatusThresholds thresholds;
	private final PresencePrivacy privacy;
	/** Customers with an agent's rule on them, and whether they were online at their last change. */
	private final Map<UUID, Boolean> online = new ConcurrentHashMap<>();
	/** Queue -> interactions waiting there whose customer asked to be told at a place in line. */
	private final Map<String, Set<InteractionId>> placesWatched = new ConcurrentHashMap<>();
	/** Queues whose figures changed since the worker last looked at them. */
	private final Set<String> dirtyQueues = ConcurrentHashMap.newKeySet();
	/** Raises what presence and the figures found, off the thread that announced them. */
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "alerts");
		t.setDaemon(true);
		return t;
	});
	/** Queue -> the thresholds it is past now, and since when. */
	private final Map<String, Map<String, Long>> breached = new ConcurrentHashMap<>();

	AlertTriggers(Alerts alerts, RuleIndex index, AlertLookups lookups, Interactions interactions, CenterStatus center,
			StatusThresholds thresholds, PresencePrivacy privacy) {
		this.alerts = alerts;
		this.index = index;
		this.lookups = lookups;
		this.matcher = new AlertMatcher(index, lookups);
		this.interactions = interactions;
		this.center = center;
		this.thresholds = thresholds;
		this.privacy = privacy;
		worker.execute(() -> { }); // its thread starts now, not inside whichever request first needs it
	}

	@ApplicationModuleListener
	void on(AgentStateChanged e) {
		if (e.state() != AgentState.READY || !(index.has(AlertKind.AGENT_AVAILABLE)
				|| index.has(AlertKind.QUEUE_AGENT_AVAILABLE) || index.has(AlertKind.PRODUCT_AGENT_AVAILABLE))) {
			return;
		}
		boolean queues = index.has(AlertKind.QUEUE_AGENT_AVAILABLE) || index.has(AlertKind.PRODUCT_AGENT_AVAILABLE);
		raise(matcher.agentState(e, queues ? lookups.queuesOf(e.agent()) : List.of()), e.at());
	}

	@ApplicationModuleListener
	void on(OrderStatusChanged e) {
		if (index.has(AlertKind.ORDER_STATUS)) {
			raise(matcher.orderStatus(e), e.at());
		}
	}

	@ApplicationModuleListener
	void on(InteractionOffered e) {
		if (index.has(AlertKind.QUEUE_TURN)) {
			forget(e.queue(), e.interaction());
			raise(matcher.interaction(e), e.at());
			places(e.queue(), e.at());
		}
	}

	@ApplicationModuleListener
	void on(InteractionQueued e) {
		if (index.has(AlertKind.QUEUE_TURN) && index.match(AlertKind.QUEUE_TURN, e.customer().toString()).stream()
			.anyMatch(r -> r.position() != null && r.position() > 1)) {
			placesWatched.computeIfAbsent(e.queue(), q -> ConcurrentHashMap.newKeySet()).add(e.interaction());
			places(e.queue(), e.at());
		}
	}

	@ApplicationModuleListener
	void on(InteractionAbandoned e) {
		if (index.has(AlertKind.QUEUE_TURN)) {
			forget(e.queue(), e.interaction());
			places(e.queue(), e.at());
		}
	}

	@ApplicationModuleListener
	void on(InteractionTransferred e) {
		if (e.toAgent() != null && index.has(AlertKind.TRANSFER_ARRIVES)) {
			raise(matcher.interaction(e), e.at());
		}
	}

	@ApplicationModuleListener
	void on(OfferEnded e) {
		if (index.has(AlertKind.MISSED_OFFERS)) {
			raise(matcher.interaction(e), e.at());
		}
	}

	@ApplicationModuleListener
	void on(InvitationEvent e) {
		if (index.has(AlertKind.CUSTOMER_ASKS) || index.has(AlertKind.INVITATION_REPLY)) {
			raise(matcher.invitation(e), e.at());
		}
	}

	/**
	 * A customer's presence changed: to online from not, for the customers an agent holds a rule on. Presence announces
	 * its changes as they happen (in memory, possibly inside someone's commit), so what it raises is stored on the
	 * alerts' own thread, in a transaction of its own. Her privacy rules are asked again then, for each agent: one who
	 * she blocked (or stopped letting agents see her) since the rule was set is not told.
	 */
	@EventListener
	void on(PresenceChanged e) {
		if (e.presentity().kind() != PresentityKind.CUSTOMER || !index.has(AlertKind.CUSTOMER_ONLINE)) {
			return;
		}
		String key = e.presentity().key();
		if (!index.has(AlertKind.CUSTOMER_ONLINE, key)) {
			return;
		}
		UUID customer = UUID.fromString(key);
		Boolean before = online.put(customer, e.open());
		if (e.open() && !Boolean.TRUE.equals(before)) {
			var found = matcher.cameOnline(new CustomerId(customer), e.at().toEpochMilli());
			worker.execute(() -> raiseApart(seenBy(customer, found), e.at()));
		}
	}

	/**
	 * A queue's figures changed (announced after the broker's commit, on the committing thread): the queue is marked
	 * and the alerts' own thread works out, once for every burst of changes, whether it went past a threshold of the
	 * wallboard since it was last looked at; each threshold passed raises supervisors' alerts.
	 */
	@EventListener
	void on(StatusChanged e) {
		if (e.queue() == null || !(index.has(AlertKind.QUEUE_WAIT) || index.has(AlertKind.QUEUE_SIZE)
				|| index.has(AlertKind.SERVICE_LEVEL))) {
			return;
		}
		if (dirtyQueues.add(e.queue())) {
			worker.execute(() -> {
				dirtyQueues.remove(e.queue());
				try {
					thresholds(e.queue());
				}
				catch (RuntimeException ex) {
					log.warn("Thresholds of queue {} not looked at; its next change tries again", e.queue(), ex);
				}
			});
		}
	}

	private void thresholds(String queue) {
		var now = System.currentTimeMillis();
		var past = breached.computeIfAbsent(queue, q -> new ConcurrentHashMap<>());
		var q = lookups.findQueue(queue).orElse(null);
		if (q == null) {
			breached.remove(queue);
			return;
		}
		var current = thresholds.breaches(center.queue(queue));
		past.keySet().removeIf(kind -> current.stream().noneMatch(b -> b.kind().equals(kind)));
		for (var b : current) {
			if (past.putIfAbsent(b.kind(), now) == null) {
				raiseApart(matcher.breach(q, b.kind(), figure(b), now), Instant.ofEpochMilli(now));
			}
		}
	}

	private void raiseApart(List<AlertMatcher.Match> matches, Instant at) {
		try {
			raise(matches, at);
		}
		catch (RuntimeException ex) {
			log.warn("Alerts not raised; the next change raises them again", ex);
		}
	}

	/** The matches whose owner the customer lets see her now (asked once per agent). */
	private List<AlertMatcher.Match> seenBy(UUID customer, List<AlertMatcher.Match> found) {
		try {
			return found.stream().filter(m -> privacy.letsAgentSee(customer, m.rule().account())).toList();
		}
		catch (RuntimeException ex) {
			log.warn("Privacy rules of a customer not read; her coming online raises nothing", ex);
			return List.of();
		}
	}

	/** Runs the task on the alerts' thread, after what waits there (for tests). */
	void onWorker(Runnable task) {
		worker.execute(task);
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	private static String figure(StatusThresholds.Breach b) {
		return b.kind().equals("service-level") ? Math.round(b.value() * 100) + "%" : String.valueOf((long) b.value());
	}

	/** Places in line of the watched contacts of a queue, after the line moved. */
	private void places(String queue, Instant at) {
		Set<InteractionId> watched = placesWatched.get(queue);
		if (watched == null || watched.isEmpty()) {
			return;
		}
		for (Interactions.Seen seen : interactions.waiting(queue)) {
			if (watched.contains(seen.interaction().id())) {
				var found = matcher.position(seen.interaction().customer(), seen.interaction().id(), queue, seen.position());
				if (!found.isEmpty()) {
					watched.remove(seen.interaction().id());
					raise(found, at);
				}
			}
		}
	}

	private void forget(String queue, InteractionId interaction) {
		Set<InteractionId> watched = queue == null ? null : placesWatched.get(queue);
		if (watched != null) {
			watched.remove(interaction);
		}
	}

	private void raise(List<AlertMatcher.Match> matches, Instant at) {
		if (!matches.isEmpty()) {
			alerts.raise(matches, at);
		}
	}
}
