package dev.parley.alerts.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.parley.alerts.AlertSettings;

/**
 * Every {@code parley.alerts.resync} (10 s), brings this node's {@link RuleIndex} up to the table when another node
 * changed rules: a set of rules is written as a whole with the time it was set, so the number of rules and the latest
 * time (read before the rules) change with every change, and reading them costs one small query.
 */
@Component
class RuleResync implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RuleResync.class);

	private final JdbcClient jdbc;
	private final AlertStore store;
	private final RuleIndex index;
	private final Duration every;
	private ScheduledExecutorService scheduler;
	private List<Object> seen;

	RuleResync(JdbcClient jdbc, AlertStore store, RuleIndex index, AlertSettings settings) {
		this.jdbc = jdbc;
		this.store = store;
		this.index = index;
		this.every = settings.resync();
	}

	void resync() {
		try {
			List<Object> now = jdbc.sql("SELECT COUNT(*), MAX(created_at) FROM alert_rules")
				.query((rs, n) -> List.<Object>of(rs.getLong(1), String.valueOf(rs.getTimestamp(2)))).single();
			if (!now.equals(seen)) {
				index.load(store.allRules());
			}
			seen = now;
		}
		catch (RuntimeException e) {
			log.warn("alert rules not brought up to date; the next round tries again", e);
		}
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "alert-rules-resync");
			t.setDaemon(true);
			return t;
		});
		long millis = every.toMillis();
		scheduler.execute(this::resync);
		scheduler.scheduleWithFixedDelay(this::resync, millis, millis, TimeUnit.MILLISECONDS);
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
