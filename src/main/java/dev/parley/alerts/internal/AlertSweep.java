package dev.parley.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.alerts.AlertSettings;

/**
 * Every {@code parley.alerts.sweep} (10 min), prunes the inboxes: alerts raised longer ago than
 * {@code parley.alerts.retention} (30 days) and alerts dismissed longer ago than {@code dismissed-retention} (1 h)
 * are deleted, {@code sweep-batch} (500) rows per statement, at most {@value #MAX_BATCHES} statements a round (the
 * next round goes on). Every node sweeps; a delete names rows by what they are, not by who looks, so two nodes
 * deleting the same rows delete each once and the loser finds nothing.
 */
@Component
public class AlertSweep implements SmartLifecycle {

	static final int MAX_BATCHES = 100;

	private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);

	private final AlertStore store;
	private final AlertSettings settings;
	private final Clock clock;
	private ScheduledExecutorService scheduler;

	AlertSweep(AlertStore store, AlertSettings settings, Optional<Clock> clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** One round: deletes what is past its time, in batches; answers how many alerts it deleted. */
	public int sweep() {
		Instant now = clock.instant();
		Instant raisedBefore = now.minus(settings.retention());
		Instant dismissedBefore = now.minus(settings.dismissedRetention());
		int batch = settings.sweepBatch();
		int deleted = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			int n = store.prune(raisedBefore, dismissedBefore, batch);
			deleted += n;
			if (n < batch) {
				break;
			}
		}
		return deleted;
	}

	private void round() {
		try {
			int n = sweep();
			if (n > 0) {
				log.debug("{} alerts pruned", n);
			}
		}
		catch (RuntimeException e) {
			log.warn("alert inboxes not pruned; the next round tries again", e);
		}
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "alert-sweep");
			t.setDaemon(true);
			return t;
		});
		long every = settings.sweep().toMillis();
		scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
