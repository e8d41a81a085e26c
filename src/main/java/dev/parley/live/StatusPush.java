package dev.parley.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.parley.common.AfterCommit;
import dev.parley.common.Medium;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.status.CenterStatus;
import dev.parley.status.QueueStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes the center's live figures (the center as a whole and each queue) to every page that asked for them
 * ({@code want=status}: the portal's status panel, the wallboard). Rendered once, as one JSON event, and the same bytes
 * go to every connection. Leading edge, then coalesced: a change after a quiet spell goes out at once; changes that
 * follow within {@code parley.live.status-interval} are gathered into one more push at the end of it. Every few
 * seconds the figures are rendered anyway, since waits grow without an event, and pushed if they differ from the last
 * ones. Agents' states go the same way, as event {@code agents}, to staff pages that asked for them
 * ({@code want=agents}); nothing is rendered for them while no such page is open.
 */
@Component
class StatusPush implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusPush.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final CenterStatus status;
	private final QueueManagement queues;
	private final LiveHub hub;
	private final LiveSettings settings;
	private final AtomicBoolean dirty = new AtomicBoolean(true);
	private final AtomicBoolean agentsDirty = new AtomicBoolean(true);
	/** A push is scheduled (at once, or at the end of the interval): changes meanwhile ride on it. */
	private final AtomicBoolean scheduled = new AtomicBoolean();
	private final AgentRoster roster;
	private final dev.parley.status.StatusThresholds thresholds;
	private volatile long lastSent = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
	private volatile long lastRendered = System.nanoTime();
	private String last;
	private ScheduledExecutorService timer;

	StatusPush(CenterStatus status, QueueManagement queues, LiveHub hub, LiveSettings settings, AgentRoster roster,
			dev.parley.status.StatusThresholds thresholds) {
		this.thresholds = thresholds;
		this.roster = roster;
		this.status = status;
		this.queues = queues;
		this.hub = hub;
		this.settings = settings;
	}

	@EventListener
	void on(dev.parley.status.StatusChanged changed) {
		dirty.set(true);
		kick();
	}

	/** Agents' states are read again for the push, so only once the change is committed (a read before would miss it). */
	@EventListener
	void on(dev.parley.agent.AgentStateChanged changed) {
		AfterCommit.run(() -> {
			agentsDirty.set(true);
			kick();
		});
	}

	/** A new sample of the last hours' charts: wallboards that show them ({@code want=charts}) fetch them again. */
	@EventListener
	void on(dev.parley.status.StatusSampled sampled) {
		hub.broadcast(LiveConnection.Topic.CHARTS, "sampled", JSON.writeValueAsString(Map.of("at", sampled.at().toString())));
	}

	/** Schedules a push unless one is coming: at once after a quiet interval, else at the interval's end. */
	private void kick() {
		ScheduledExecutorService t = timer;
		if (t == null || !scheduled.compareAndSet(false, true)) {
			return;
		}
		t.schedule(this::due, untilDue(), TimeUnit.NANOSECONDS);
	}

	/**
	 * The scheduled push, on the timer's one thread. The wait is checked again here, where no flush can be under way:
	 * a change that came while a push was being rendered read the time of the push before it and asked for one at
	 * once, which would have sent a second push right behind the first.
	 */
	private void due() {
		long wait = untilDue();
		ScheduledExecutorService t = timer;
		if (wait > 0 && t != null) {
			t.schedule(this::due, wait, TimeUnit.NANOSECONDS);
			return;
		}
		scheduled.set(false);
		try {
			flush(false);
		}
		catch (RuntimeException e) {
			log.warn("Could not push the center's status; the next change or refresh tries again", e);
		}
	}

	private long untilDue() {
		return Math.max(0, lastSent + settings.statusInterval().toNanos() - System.nanoTime());
	}

	/**
	 * Sends the figures if they changed since the last time ({@code refresh}: renders them anyway and sends them if they
	 * differ), then the agents' states if they changed and a page shows them.
	 */
	synchronized void flush(boolean refresh) {
		if (dirty.getAndSet(false) || refresh) {
			lastRendered = System.nanoTime();
			String figures = render();
			if (!figures.equals(last)) {
				last = figures;
				lastSent = System.nanoTime();
				hub.broadcast(LiveConnection.Topic.STATUS, "status", figures);
			}
		}
		if (agentsDirty.get() && hub.isWanted(LiveConnection.Topic.AGENTS) && agentsDirty.getAndSet(false)) {
			lastSent = System.nanoTime();
			hub.broadcast(LiveConnection.Topic.AGENTS, "agents", JSON.writeValueAsString(roster.agents()));
		}
	}

	/** The event's data: {@code center} and {@code queues} (each with its key and name), as the status API names the figures. */
	String render() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("center", figures(status.center()));
		List<Object> all = new ArrayList<>();
		for (Queue q : queues.queues()) {
			QueueStatus qs = status.queue(q.key());
			Map<String, Object> one = figures(qs);
			one.put("queue", q.key());
			one.put("name", q.name());
			one.put("alerts", thresholds.breaches(qs));
			all.add(one);
		}
		data.put("queues", all);
		return JSON.writeValueAsString(data);
	}

	private static Map<String, Object> figures(QueueStatus s) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("agentsLoggedIn", s.agentsLoggedIn());
		f.put("agentsAvailable", s.agentsAvailable());
		f.put("agentsBusy", s.agentsBusy());
		f.put("agentsWrapUp", s.agentsWrapUp());
		f.put("agentsNotReady", s.agentsNotReady());
		f.put("contactsWaiting", s.contactsWaiting());
		f.put("oldestWaitSeconds", s.oldestWaitSeconds());
		f.put("estimatedWaitSeconds", s.estimatedWaitSeconds());
		f.put("estimatedWaitRange", s.estimatedWaitRange() == null ? null
				: Map.of("low", s.estimatedWaitRange().low(), "high", s.estimatedWaitRange().high()));
		f.put("serviceLevel", s.serviceLevel());
		f.put("abandonRate", s.abandonRate());
		f.put("averageHandleSeconds", s.averageHandleSeconds());
		f.put("mediaOpen", s.mediaOpen().stream().sorted().map(Medium::name).map(String::toLowerCase).toList());
		return f;
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "live-status");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleWithFixedDelay(() -> {
			try {
				if (!scheduled.get()) { // else the push on its way does it
					flush(System.nanoTime() - lastRendered >= REFRESH_NANOS);
				}
			}
			catch (RuntimeException e) {
				log.warn("Could not push the center's status; the next round tries again", e);
			}
		}, 1, 1, TimeUnit.SECONDS);
		kick();
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
