package dev.parley.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import dev.parley.agent.AgentStateChanged;
import dev.parley.common.AfterCommit;
import dev.parley.common.Medium;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionAbandoned;
import dev.parley.routing.InteractionClosed;
import dev.parley.routing.InteractionConnected;
import dev.parley.routing.InteractionEvent;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionQueued;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueFigures;
import dev.parley.routing.QueueManagement;
import dev.parley.status.internal.Tally;

/**
 * The center's live status, per queue and medium and as a whole, kept incrementally from the broker's events
 * (constant work per event) and routing's picture of who waits and who is free. Each lane (queue and medium)
 * runs every wait estimator, scores each against the waits that followed, and shows the best. What changed is
 * announced as {@link StatusChanged} (per queue, for pushing). A cache of this node: counts start afresh on a
 * restart; the reports read history.
 */
@Service
public class CenterStatus {

	private record LaneKey(String queue, Medium medium) {
	}

	/** One queue and medium: its estimators, the estimates of contacts still waiting, its counts. */
	private static final class Lane {
		final EstimatorPanel panel = EstimatorPanel.standard();
		final Map<InteractionId, double[]> pending = new HashMap<>();
		final Tally tally = new Tally();
	}

	private final Map<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
	private final Interactions interactions;
	private final QueueManagement queues;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CenterStatus(Interactions interactions, QueueManagement queues, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.interactions = interactions;
		this.queues = queues;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * After the commit, right after routing's board (plain listeners with {@link AfterCommit}: a
	 * {@code @TransactionalEventListener} would cost a registry record and a second connection per step; the figures
	 * are rebuilt from the tables on start, so they need no record).
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	void on(InteractionEvent event) {
		AfterCommit.run(Ordered.HIGHEST_PRECEDENCE + 10, () -> apply(event));
	}

	private void apply(InteractionEvent event) {
		if (!(event instanceof InteractionQueued || event instanceof InteractionConnected
				|| event instanceof InteractionClosed || event instanceof InteractionAbandoned)) {
			events.publishEvent(new StatusChanged(null));
			return;
		}
		Interaction row = interactions.find(event.interaction()).orElse(null);
		if (row == null) {
			return;
		}
		Lane lane = lane(row.queue(), row.medium());
		long now = event.at().toEpochMilli();
		synchronized (lane) {
			if (event instanceof InteractionQueued queued) {
				queued(lane, row, queued);
			}
			else if (event instanceof InteractionConnected connected) {
				connected(lane, row, connected);
			}
			else if (event instanceof InteractionClosed closed && closed.connectedAt() != null) {
				double handle = seconds(closed.connectedAt(), closed.endedAt());
				lane.panel.serviceCompleted(handle);
				lane.tally.handled(handle, now);
			}
			else if (event instanceof InteractionAbandoned abandoned) {
				lane.pending.remove(row.id());
				lane.panel.abandoned(seconds(row.createdAt(), abandoned.at()));
				lane.tally.add(Tally.Kind.ABANDONED, now);
			}
		}
		events.publishEvent(new StatusChanged(row.queue()));
	}

	@EventListener
	void on(AgentStateChanged changed) {
		AfterCommit.run(() -> events.publishEvent(new StatusChanged(null)));
	}

	private void queued(Lane lane, Interaction row, InteractionQueued event) {
		if (row.state() != InteractionState.QUEUED || lane.pending.containsKey(row.id())) {
			return;
		}
		boolean isNew = Math.abs(Duration.between(row.createdAt(), event.at()).toMillis()) < 5;
		if (isNew) {
			lane.tally.add(Tally.Kind.OFFERED, event.at().toEpochMilli());
		}
		QueueFigures figures = figures(row.queue(), row.medium());
		if (isNew && figures != null && figures.agentsFree() == 0 && figures.agentsServing() > 0) {
			int ahead = Math.max(0, interactions.position(row.id()) - 1);
			lane.pending.put(row.id(), lane.panel.estimate(state(figures, ahead)));
		}
	}

	private void connected(Lane lane, Interaction row, InteractionConnected event) {
		boolean first = row.connectedAt() != null
				&& Math.abs(Duration.between(row.connectedAt(), event.at()).toMillis()) < 5;
		if (!first) {
			return; // taken again after a transfer: answered once already
		}
		double waited = seconds(row.createdAt(), event.at());
		double[] estimates = lane.pending.remove(row.id());
		if (estimates != null) {
			lane.panel.score(estimates, waited);
		}
		lane.panel.enteredService(waited);
		long now = event.at().toEpochMilli();
		lane.tally.add(Tally.Kind.ANSWERED, now);
		Duration target = queues.find(row.queue()).map(Queue::serviceLevelTarget).orElse(Duration.ofSeconds(20));
		if (waited <= target.toSeconds()) {
			lane.tally.add(Tally.Kind.ANSWERED_IN_TARGET, now);
		}
	}

	/** Every lane of a queue (one per medium it serves). */
	public List<QueueStatus> lanes(String queue) {
		Queue q = queues.queue(queue);
		List<QueueStatus> all = new ArrayList<>();
		for (QueueFigures f : interactions.figures(q.key())) {
			all.add(status(q, f));
		}
		return all;
	}

	/** A queue as a whole: its lanes summed; the estimated wait is its chat lane's, else its first lane's. */
	public QueueStatus queue(String queue) {
		return sum(queue, lanes(queue));
	}

	/** The whole center: every queue summed; the estimated wait is the default queue's, where a contact goes by default. */
	public QueueStatus center() {
		List<QueueStatus> all = new ArrayList<>();
		QueueStatus defaultQueue = null;
		for (Queue q : queues.queues()) {
			QueueStatus s = queue(q.key());
			all.add(s);
			if (q.defaultQueue()) {
				defaultQueue = s;
			}
		}
		QueueStatus total = sum(null, all);
		QueueStatus estimateFrom = defaultQueue != null ? defaultQueue : all.isEmpty() ? null : all.get(0);
		return new QueueStatus(null, null, total.agentsLoggedIn(), total.agentsAvailable(), total.agentsBusy(),
				total.agentsWrapUp(), total.agentsNotReady(), total.contactsWaiting(), total.oldestWaitSeconds(),
				estimateFrom == null ? null : estimateFrom.estimatedWaitSeconds(),
				estimateFrom == null ? null : estimateFrom.estimatedWaitRange(), total.serviceLevel(),
				total.abandonRate(), total.serviceLevelToday(), total.abandonRateToday(), total.averageHandleSeconds(),
				total.mediaOpen(), estimateFrom == null ? null : estimateFrom.estimator(), List.of());
	}

	/** The estimated wait of a contact waiting now, from its place in the line; empty when it does not wait. */
	public Optional<Long> estimatedWait(Interaction waiting) {
		if (waiting.state() != InteractionState.QUEUED) {
			return Optional.empty();
		}
		QueueFigures f = figures(waiting.queue(), waiting.medium());
		if (f == null || f.agentsServing() == 0) {
			return Optional.empty();
		}
		int ahead = Math.max(0, interactions.position(waiting.id()) - 1);
		Lane lane = lane(waiting.queue(), waiting.medium());
		synchronized (lane) {
			double[] e = lane.panel.estimate(state(f, ahead));
			return Optional.of(Math.round(lane.panel.shown(e)));
		}
	}

	private QueueStatus status(Queue q, QueueFigures f) {
		Lane lane = lane(q.key(), f.medium());
		Instant now = clock.instant();
		long nowMillis = now.toEpochMilli();
		boolean open = queues.isOpen(q, now);
		synchronized (lane) {
			Long estimate = null;
			QueueStatus.Range range = null;
			if (f.agentsServing() > 0) {
				double e = f.agentsFree() > 0 ? 0 : lane.panel.shown(lane.panel.estimate(state(f, f.waiting())));
				estimate = Math.round(e);
				double r = relativeError(lane.panel);
				range = new QueueStatus.Range(Math.round(e * Math.max(0, 1 - r)), Math.round(e * (1 + r)));
			}
			Set<Medium> mediaOpen = open && f.agentsServing() > 0 ? EnumSet.of(f.medium()) : EnumSet.noneOf(Medium.class);
			return new QueueStatus(q.key(), f.medium(), f.agentsLoggedIn(), f.agentsFree(), f.agentsBusy(),
					f.agentsWrapUp(), f.agentsNotReady(), f.waiting(),
					f.headEnqueuedAt() == null ? 0 : Math.max(0, Duration.between(f.headEnqueuedAt(), now).toSeconds()),
					estimate, range, share(lane.tally, nowMillis, false, true), share(lane.tally, nowMillis, false, false),
					share(lane.tally, nowMillis, true, true), share(lane.tally, nowMillis, true, false),
					lane.tally.averageHandle(nowMillis), mediaOpen, lane.panel.chosen(), lane.panel.scores());
		}
	}

	/** Service level (answered in target) or abandonment, as a share of the contacts that were answered or left. */
	private static Double share(Tally t, long now, boolean today, boolean serviceLevel) {
		long answered = t.count(Tally.Kind.ANSWERED, now, today);
		long abandoned = t.count(Tally.Kind.ABANDONED, now, today);
		long total = answered + abandoned;
		if (total == 0) {
			return null;
		}
		return (serviceLevel ? t.count(Tally.Kind.ANSWERED_IN_TARGET, now, today) : abandoned) / (double) total;
	}

	/** The chosen estimator's relative RMS error (half the estimate until there is enough to measure). */
	private static double relativeError(EstimatorPanel panel) {
		String chosen = panel.chosen();
		return panel.scores().stream().filter(s -> s.estimator().equals(chosen) && s.samples() >= 30)
			.map(s -> Math.min(1, Math.sqrt(s.rase()))).findFirst().orElse(0.5);
	}

	private QueueStatus sum(String queue, List<QueueStatus> parts) {
		int loggedIn = 0, available = 0, busy = 0, wrapUp = 0, notReady = 0, waiting = 0;
		long oldest = 0;
		Set<Medium> media = EnumSet.noneOf(Medium.class);
		for (QueueStatus p : parts) {
			loggedIn += p.agentsLoggedIn();
			available += p.agentsAvailable();
			busy += p.agentsBusy();
			wrapUp += p.agentsWrapUp();
			notReady += p.agentsNotReady();
			waiting += p.contactsWaiting();
			oldest = Math.max(oldest, p.oldestWaitSeconds());
			media.addAll(p.mediaOpen());
		}
		QueueStatus lead = parts.stream().filter(p -> p.medium() == Medium.CHAT).findFirst()
			.orElse(parts.isEmpty() ? null : parts.get(0));
		return new QueueStatus(queue, null, loggedIn, available, busy, wrapUp, notReady, waiting, oldest,
				lead == null ? null : lead.estimatedWaitSeconds(), lead == null ? null : lead.estimatedWaitRange(),
				average(parts, QueueStatus::serviceLevel), average(parts, QueueStatus::abandonRate),
				average(parts, QueueStatus::serviceLevelToday), average(parts, QueueStatus::abandonRateToday),
				average(parts, QueueStatus::averageHandleSeconds), media, lead == null ? null : lead.estimator(),
				lead == null ? List.of() : lead.accuracy());
	}

	private static Double average(List<QueueStatus> parts, java.util.function.Function<QueueStatus, Double> value) {
		return parts.stream().map(value).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average()
			.stream().boxed().findFirst().orElse(null);
	}

	private QueueFigures figures(String queue, Medium medium) {
		return interactions.figures(queue).stream().filter(f -> f.medium() == medium).findFirst().orElse(null);
	}

	private QueueState state(QueueFigures f, int ahead) {
		double hol = f.headEnqueuedAt() == null ? 0
				: Math.max(0, Duration.between(f.headEnqueuedAt(), clock.instant()).toMillis() / 1000.0);
		return new QueueState(clock.millis() / 1000.0, ahead, Math.max(1, f.agentsServing()), hol);
	}

	private Lane lane(String queue, Medium medium) {
		return lanes.computeIfAbsent(new LaneKey(queue, medium), k -> new Lane());
	}

	private static double seconds(Instant from, Instant to) {
		return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
	}
}
