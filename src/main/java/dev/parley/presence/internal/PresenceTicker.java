package dev.parley.presence.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.parley.presence.Presence;

/** The one scheduler thread of the presence service: every second, expiry. */
class PresenceTicker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PresenceTicker.class);

	private final Presence presence;

	private ScheduledExecutorService scheduler;

	PresenceTicker(Presence presence) {
		this.presence = presence;
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "presence-ticker");
			t.setDaemon(true);
			return t;
		});
		scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	private void tick() {
		try {
			presence.tick();
		}
		catch (RuntimeException e) {
			log.warn("presence sweep failed", e);
		}
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
