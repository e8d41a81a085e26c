package dev.parley.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot timers of the presence sources (grace after the last tab, agenda boundaries) on one thread:
 * a timer per customer who needs one, none that polls. Cancelled timers leave the queue at once.
 */
final class PresenceTimers implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PresenceTimers.class);

	private final ScheduledThreadPoolExecutor executor;

	private final Clock clock;

	PresenceTimers(Clock clock) {
		this.clock = clock;
		this.executor = new ScheduledThreadPoolExecutor(1, r -> {
			Thread t = new Thread(r, "presence-timers");
			t.setDaemon(true);
			return t;
		});
		this.executor.setRemoveOnCancelPolicy(true);
	}

	ScheduledFuture<?> after(Duration delay, Runnable task) {
		return executor.schedule(guarded(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
	}

	ScheduledFuture<?> at(Instant when, Runnable task) {
		return after(Duration.between(clock.instant(), when), task);
	}

	static void cancel(ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	int pending() {
		return executor.getQueue().size();
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

	private static Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.warn("presence timer failed", e);
			}
		};
	}
}
