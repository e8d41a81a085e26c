package dev.parley.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.status.internal.SampleStore;

/**
 * The center's figures over the last hours, for the wallboard's charts: every {@code parley.status.sample-interval}
 * (a minute), on the boundary of that interval, each queue's contacts waiting, agents available and the estimated
 * wait shown, and the contacts answered since the sample before with their average wait (read from the
 * interactions table, so every node's contacts count). Stored (table status_samples), so the charts survive a
 * restart and several nodes write one row per queue and time (the first wins). Kept for
 * {@code parley.status.sample-retention} (a day).
 */
@Service
public class StatusHistory implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusHistory.class);

	private final CenterStatus status;
	private final QueueManagement queues;
	private final Interactions interactions;
	private final SampleStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Duration interval;
	private final Duration retention;
	private ScheduledExecutorService timer;

	StatusHistory(CenterStatus status, QueueManagement queues, Interactions interactions, SampleStore store,
			ApplicationEventPublisher events, Optional<Clock> clock,
			@Value("${parley.status.sample-interval:1m}") Duration interval,
			@Value("${parley.status.sample-retention:1d}") Duration retention) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("parley.status.sample-interval must be positive, not " + interval);
		}
		this.status = status;
		this.queues = queues;
		this.interactions = interactions;
		this.store = store;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
		this.interval = interval;
		this.retention = retention;
	}

	/** The sample time a moment falls into: the start of its interval. */
	Instant slot(Instant at) {
		long every = interval.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), every) * every);
	}

	/** Takes the sample of the interval that ends now (time stamped with its end); how many rows this node wrote. */
	public int sample() {
		Instant to = slot(clock.instant());
		Instant from = to.minus(interval);
		int written = 0;
		for (Queue q : queues.queues()) {
			QueueStatus s = status.queue(q.key());
			List<Double> waits = interactions.answeredWaits(q.key(), from, to);
			Double average = waits.isEmpty() ? null : waits.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			if (store.insert(new StatusSample(to, q.key(), s.contactsWaiting(), s.agentsAvailable(),
					s.estimatedWaitSeconds(), waits.size(), average))) {
				written++;
			}
		}
		store.deleteBefore(to.minus(retention));
		events.publishEvent(new StatusSampled(to));
		return written;
	}

	/** The samples of the last {@code span}, oldest first. */
	public List<StatusSample> recent(Duration span) {
		return store.since(clock.instant().minus(span));
	}

	public Duration interval() {
		return interval;
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "status-history");
			t.setDaemon(true);
			return t;
		});
		long every = interval.toMillis();
		long now = clock.millis();
		long first = every - Math.floorMod(now, every) + 50; // just after the boundary
		timer.scheduleAtFixedRate(() -> {
			try {
				sample();
			}
			catch (RuntimeException e) {
				log.warn("Could not sample the center's status; the next interval tries again", e);
			}
		}, first, every, TimeUnit.MILLISECONDS);
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
