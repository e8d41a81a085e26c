package dev.parley;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events between modules whose listener failed or never finished. The publication
 * registry marks a publication FAILED when its listener throws, or when it stayed published or in processing
 * past its staleness limit ({@code spring.modulith.events.staleness.*}: the process died meanwhile); this
 * resubmits the failed ones every {@code parley.events.redelivery-interval}. Each resubmission first claims
 * the publication by a conditional write in the registry's table, so with several nodes on one database only
 * one of them redelivers it. Listeners are written to be idempotent: an event can arrive twice.
 */
@Component
class EventRedelivery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	private final FailedEventPublications failed;
	private final Duration interval;
	private ScheduledExecutorService timer;

	EventRedelivery(FailedEventPublications failed,
			@Value("${parley.events.redelivery-interval:15s}") Duration interval) {
		this.failed = failed;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "event-redelivery");
			t.setDaemon(true);
			return t;
		});
		long millis = Math.max(100, interval.toMillis());
		timer.scheduleWithFixedDelay(this::redeliver, millis, millis, TimeUnit.MILLISECONDS);
	}

	void redeliver() {
		try {
			failed.resubmit(ResubmissionOptions.defaults());
		}
		catch (RuntimeException e) {
			log.warn("Redelivering failed event publications did not work this time: {}", e.toString());
		}
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
