package dev.parley.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When API tokens were last used, written off the request path. "Last used" is shown to the minute, so a token's use
 * is noted at most once a minute per node, and the noted uses are written together every {@link #FLUSH_EVERY} by
 * one scheduler thread in one batch (and once more when Parley stops). A request that presents a token therefore
 * never waits for a write; hundreds of tokens first used in the same second cost one batch, not hundreds of
 * statements queued for the connection pool (the chat benchmark's once-a-minute wave, docs/benchmarks.md).
 * <p>
 * "Last used" is informative, not acknowledged to anyone: a {@code kill -9} loses at most the last few seconds' notes.
 * Nodes write independently and a write never moves the time back ({@link TokenStore#markUsed}).
 */
@Component
public class TokenUses implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TokenUses.class);

	/** How stale a token's "last used" may be. */
	static final Duration USE_PRECISION = Duration.ofMinutes(1);

	static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

	static final int MAX_NOTED = 10_000;

	private final TokenStore tokens;

	/** When this node last noted a token's use (by hash); bounded, cleared when full. */
	private final Map<String, Instant> noted = new ConcurrentHashMap<>();

	/** Uses noted and not yet written (by hash). */
	private final Map<String, Instant> pending = new ConcurrentHashMap<>();

	private ScheduledExecutorService scheduler;

	private final AtomicLong written = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	TokenUses(TokenStore tokens) {
		this.tokens = tokens;
	}

	/** The token (by hash) was used at {@code now}: noted to be written if its last note here is a minute old. */
	public void note(String hash, Instant now) {
		Instant last = noted.get(hash);
		if (last != null && last.isAfter(now.minus(USE_PRECISION))) {
			return;
		}
		if (noted.size() >= MAX_NOTED) {
			noted.clear();
		}
		noted.put(hash, now);
		pending.merge(hash, now, (a, b) -> a.isAfter(b) ? a : b);
	}

	/** Writes the noted uses now (the scheduler does this every few seconds); how many tokens were written. */
	public int flush() {
		if (pending.isEmpty()) {
			return 0;
		}
		Map<String, Instant> batch = new HashMap<>();
		for (String hash : pending.keySet()) {
			Instant at = pending.remove(hash);
			if (at != null) {
				batch.put(hash, at);
			}
		}
		try {
			tokens.markUsed(batch, USE_PRECISION);
		}
		catch (RuntimeException e) {
			// put them back for the next round, keeping any newer note
			batch.forEach((hash, at) -> pending.merge(hash, at, (a, b) -> a.isAfter(b) ? a : b));
			failures.incrementAndGet();
			throw e;
		}
		written.addAndGet(batch.size());
		return batch.size();
	}

	/** Tokens' uses written so far, and batches that failed (tried again next round). */
	long written() {
		return written.get();
	}

	long failures() {
		return failures.get();
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException e) {
			log.warn("could not write API tokens' last use; trying again in {} s", FLUSH_EVERY.toSeconds(), e);
		}
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "token-uses");
			t.setDaemon(true);
			return t;
		});
		long every = FLUSH_EVERY.toMillis();
		scheduler.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Lets a running batch finish (not interrupted: an interrupt during a write can close an embedded database's file),
	 * then writes what is left.
	 */
	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			scheduler = null;
			flushQuietly();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

	/** Stops (and writes its last notes) after the web server has stopped taking requests; beans go after that. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
