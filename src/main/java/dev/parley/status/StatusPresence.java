package dev.parley.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.presence.BasicStatus;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceTuple;
import dev.parley.presence.Presentities;
import dev.parley.presence.PresentityId;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;

/**
 * The center ({@code center-main}) and each queue ({@code queue-<key>}) as presentities whose PIDF carries the
 * live figures: one tuple {@code status}, open while some medium is open (opening hours and agents with
 * capacity), with the figures in Parley's figures namespace, so SIP watchers and the API read the numbers the
 * wallboard shows. Once per {@code parley.status.presence-interval} the figures are computed (a few reads of
 * routing's in-memory board per queue) and published where they differ from the last: watchers hear a busy
 * queue at most that often, and a quiet one not at all.
 */
@Component
class StatusPresence implements SmartLifecycle {

	static final String TUPLE = "status";

	private static final Logger log = LoggerFactory.getLogger(StatusPresence.class);

	private final CenterStatus status;
	private final QueueManagement queues;
	private final Presence presence;
	private final StatusMetrics metrics;
	private final Duration interval;
	private final Map<PresentityId, PresenceTuple> published = new ConcurrentHashMap<>();
	private ScheduledExecutorService timer;

	StatusPresence(CenterStatus status, QueueManagement queues, Presence presence, StatusMetrics metrics,
			@Value("${parley.status.presence-interval:1s}") Duration interval) {
		this.metrics = metrics;
		this.status = status;
		this.queues = queues;
		this.presence = presence;
		this.interval = interval;
	}

	/** Publishes what changed since the last round (waits grow without an event, so every round looks). */
	void publishChanges() {
		publish(PresentityId.center(Presentities.CENTER), status.center());
		for (Queue q : queues.queues()) {
			publish(PresentityId.queue(q.key()), status.queue(q.key()));
		}
		metrics.refresh();
	}

	private void publish(PresentityId presentity, QueueStatus s) {
		PresenceTuple tuple = tuple(!s.mediaOpen().isEmpty(), figures(s));
		PresenceTuple last = published.get(presentity);
		if (last != null && last.status() == tuple.status() && last.figures().equals(tuple.figures())) {
			return;
		}
		presence.publish(presentity, tuple);
		published.put(presentity, tuple);
	}

	static PresenceTuple tuple(boolean open, Map<String, Long> figures) {
		return new PresenceTuple(TUPLE, open ? BasicStatus.OPEN : BasicStatus.CLOSED, null, java.util.Set.of(), null,
				Instant.now(), null, figures);
	}

	/** The figures by the names PIDF carries (whole numbers; shares in percent; absent when there is none). */
	static Map<String, Long> figures(QueueStatus s) {
		Map<String, Long> f = new LinkedHashMap<>();
		f.put("agents-logged-in", (long) s.agentsLoggedIn());
		f.put("agents-available", (long) s.agentsAvailable());
		f.put("agents-busy", (long) s.agentsBusy());
		f.put("agents-wrap-up", (long) s.agentsWrapUp());
		f.put("agents-not-ready", (long) s.agentsNotReady());
		f.put("contacts-waiting", (long) s.contactsWaiting());
		f.put("oldest-wait-seconds", s.oldestWaitSeconds());
		if (s.estimatedWaitSeconds() != null) {
			f.put("wait-seconds", s.estimatedWaitSeconds());
		}
		if (s.estimatedWaitRange() != null) {
			f.put("wait-low-seconds", s.estimatedWaitRange().low());
			f.put("wait-high-seconds", s.estimatedWaitRange().high());
		}
		if (s.serviceLevel() != null) {
			f.put("service-level-percent", Math.round(s.serviceLevel() * 100));
		}
		if (s.abandonRate() != null) {
			f.put("abandon-rate-percent", Math.round(s.abandonRate() * 100));
		}
		for (var m : s.mediaOpen()) {
			f.put("open-" + m.name().toLowerCase(), 1L);
		}
		return f;
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "status-presence");
			t.setDaemon(true);
			return t;
		});
		long every = interval.toMillis();
		timer.scheduleWithFixedDelay(() -> {
			try {
				publishChanges();
			}
			catch (RuntimeException e) {
				log.warn("Could not publish the center's figures as presence; the next round tries again", e);
			}
		}, every, every, TimeUnit.MILLISECONDS);
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
