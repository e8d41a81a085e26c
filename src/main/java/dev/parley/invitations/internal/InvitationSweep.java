package dev.parley.invitations.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.invitations.InvitationSettings;
import dev.parley.invitations.Invitations;

/**
 * Every {@code parley.invitations.sweep}, expires the invitations whose time is up, read from the table, each by
 * a conditional write: several nodes may sweep at once and each invitation still expires once (or is answered).
 */
@Component
class InvitationSweep implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InvitationSweep.class);

	private final Invitations invitations;
	private final InvitationSettings settings;
	private ScheduledExecutorService scheduler;

	InvitationSweep(Invitations invitations, InvitationSettings settings) {
		this.invitations = invitations;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "invitation-sweep");
			t.setDaemon(true);
			return t;
		});
		long every = settings.sweep().toMillis();
		scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
	}

	private void sweep() {
		try {
			invitations.expireDue();
		}
		catch (RuntimeException e) {
			log.warn("invitation sweep failed; the next one tries again", e);
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
