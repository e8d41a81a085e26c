package dev.parley.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.parley.common.AfterCommit;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentitySettings;

/**
 * The account behind a known API token (by the token's hash), kept for a short time
 * ({@code parley.identity.token-cache-ttl}, default 10 s; zero turns it off) so that an API request costs no database
 * read for its token. Unknown tokens are never kept (the sign-in throttle answers a flood of them). A kept token
 * still ends at its expiry, checked against the clock on every use.
 * <p>
 * <b>Read again ahead of time.</b> A kept token used after a random point between a third and two thirds of its time
 * is read again in the background (one thread, at most one read per token in flight) while the kept entry goes on
 * answering; a token in steady use therefore never makes a request wait for the database, and the reads of many
 * tokens loaded together (a desk of agents starting at once, the first second after a quiet spell) spread out
 * instead of all coming due in the same instant and queueing for the connection pool. Only an entry past its full
 * time to live is read on the request's own thread. The time to live stays the bound on staleness: no entry answers
 * once it is older than that.
 * <p>
 * Revoking a token and changing its account (the display name requests carry) evict the account's tokens on this node
 * at once and again once the transaction commits, so here a revoked token is refused on the very next request; a
 * read (on the request's thread or in the background) that overlapped an eviction is not kept. Other nodes each have
 * their own cache and see the change within the time to live, as with the digest cache ({@link DigestCache},
 * decision 0004). At most {@link #MAX_ENTRIES} entries; when full, all go.
 */
@Component
public class TokenCache implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TokenCache.class);

	static final int MAX_ENTRIES = 10_000;

	/** What a token's hash gave: its owner as read, when the token expires (null: never), when read, when to re-read. */
	private record Entry(Account account, Instant expiresAt, long loadedAt, long refreshAt, AtomicBoolean refreshing) {
	}

	/** A known, active token's owner and expiry, as read from the tables. */
	public record Loaded(Account account, Instant expiresAt) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/** Raised by every eviction: a load that saw it move may hold a row read before the change, so it is not kept. */
	private final AtomicLong evictions = new AtomicLong();

	private final long ttlNanos;

	private final LongSupplier ticker;

	/** Runs the reads ahead of time. */
	private final Executor refresher;

	/** Reads that completed: ahead of time (in the background), and on a request's thread. */
	private final AtomicLong refreshes = new AtomicLong();

	private final AtomicLong requestReads = new AtomicLong();

	@Autowired
	TokenCache(IdentitySettings settings) {
		this(settings.tokenCacheTtl(), System::nanoTime, refresher());
	}

	TokenCache(Duration ttl, LongSupplier ticker, Executor refresher) {
		this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
		this.ticker = ticker;
		this.refresher = refresher;
	}

	private static ThreadPoolExecutor refresher() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_ENTRIES), r -> {
			Thread t = new Thread(r, "token-refresh");
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * The token's account if the token is active at {@code now}: a kept one while within its time (read again in the
	 * background once it is due), else {@code load}'s, read now. {@code load} may run on another thread later.
	 */
	public Optional<Account> account(String hash, Instant now, Supplier<Optional<Loaded>> load) {
		if (ttlNanos > 0) {
			Entry kept = entries.get(hash);
			long tick = ticker.getAsLong();
			if (kept != null && tick - kept.loadedAt < ttlNanos) {
				if (tick - kept.refreshAt >= 0 && kept.refreshing.compareAndSet(false, true)) {
					refreshLater(hash, kept, load);
				}
				return active(kept.account, kept.expiresAt, now);
			}
		}
		Optional<Loaded> loaded = load(hash, null, load);
		requestReads.incrementAndGet();
		return loaded.flatMap(l -> active(l.account(), l.expiresAt(), now));
	}

	private void refreshLater(String hash, Entry kept, Supplier<Optional<Loaded>> load) {
		try {
			refresher.execute(() -> {
				try {
					load(hash, kept, load);
					refreshes.incrementAndGet();
				}
				catch (RuntimeException e) {
					// the kept entry still ends at its time; then the request's own read reports the trouble
					log.debug("could not read a kept API token again", e);
				}
			});
		}
		catch (RejectedExecutionException e) {
			kept.refreshing.set(false); // a full queue (or stopping): a later use tries again
		}
	}

	/** Reads the token and keeps what it gave, unless an eviction overlapped; {@code replacing}: the entry refreshed. */
	private Optional<Loaded> load(String hash, Entry replacing, Supplier<Optional<Loaded>> load) {
		long seen = evictions.get();
		long at = ticker.getAsLong();
		Optional<Loaded> loaded = load.get();
		if (loaded.isEmpty()) {
			if (replacing == null) {
				entries.remove(hash);
			}
			else {
				entries.remove(hash, replacing);
			}
			return loaded;
		}
		if (ttlNanos > 0) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			long refreshAt = at + ttlNanos / 3 + ThreadLocalRandom.current().nextLong(ttlNanos / 3 + 1);
			Entry entry = new Entry(loaded.get().account(), loaded.get().expiresAt(), at, refreshAt, new AtomicBoolean());
			entries.put(hash, entry);
			// an eviction raises the counter before it removes: if one ran while we read, our row may predate it
			if (evictions.get() != seen) {
				entries.remove(hash, entry);
			}
		}
		return loaded;
	}

	private static Optional<Account> active(Account account, Instant expiresAt, Instant now) {
		return expiresAt == null || expiresAt.isAfter(now) ? Optional.of(account) : Optional.empty();
	}

	/** The account's tokens or the account changed: forgotten now and again when the current transaction commits. */
	public void evict(AccountId account) {
		evictNow(account);
		AfterCommit.run(() -> evictNow(account));
	}

	private void evictNow(AccountId account) {
		evictions.incrementAndGet();
		entries.values().removeIf(e -> e.account.id().equals(account));
	}

	/** How many tokens are kept. */
	int size() {
		return entries.size();
	}

	/** How many reads ahead of time have completed. */
	long refreshes() {
		return refreshes.get();
	}

	/** How many reads a request waited for (unknown tokens included). */
	long requestReads() {
		return requestReads.get();
	}

	/** Drops the reads not begun; one under way ends on its own (not interrupted: see {@link TokenUses#stop}). */
	@Override
	public void destroy() {
		if (refresher instanceof ThreadPoolExecutor pool) {
			pool.shutdown();
			pool.getQueue().clear();
		}
	}
}
