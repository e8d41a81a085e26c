package dev.parley.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.parley.identity.AccountId;
import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.IdentitySettings;

/**
 * The usable HA1 rows of a (case-blind) username and algorithm, kept for a short time
 * ({@code parley.identity.digest-cache-ttl}, default 10 s; zero turns it off) so that an authenticated SIP
 * request costs no database read. Unknown usernames are kept too (as no rows).
 * <p>
 * Every write that changes which rows a username has (an account opened, a password or token HA1 stored, a token
 * revoked, an account renamed) evicts that username through the identity stores, so in this JVM a revoked
 * token or a disabled account is refused on the very next request. Rows keep their token's expiry, checked
 * against the clock at verify time. Several nodes each have their own cache: a change made on one node reaches
 * the others within the time to live (decision 0004).
 * <p>
 * At most {@link #MAX_ENTRIES} entries: when full, those past their time go, and if that frees less than a
 * quarter, all go (a flood of made-up usernames cannot grow it; real users cost one read each afterwards).
 * Time to live is measured on {@link System#nanoTime()}, not the wall clock.
 */
@Component
public class DigestCache {

	static final int MAX_ENTRIES = 10_000;

	private record Key(String username, String algorithm) {
	}

	/** An identity-compared holder: removing "my" entry never removes a newer one with the same rows. */
	private static final class Entry {

		final List<DigestStore.Ha1> rows;

		final long loadedAt;

		Entry(List<DigestStore.Ha1> rows, long loadedAt) {
			this.rows = rows;
			this.loadedAt = loadedAt;
		}
	}

	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

	/** Raised by every eviction: a load that saw it move may hold rows read before the change, so it is not kept. */
	private final AtomicLong evictions = new AtomicLong();

	private final JdbcClient jdbc;

	private final long ttlNanos;

	private final LongSupplier ticker;

	@Autowired
	DigestCache(JdbcClient jdbc, IdentitySettings settings) {
		this(jdbc, settings.digestCacheTtl(), System::nanoTime);
	}

	DigestCache(JdbcClient jdbc, Duration ttl, LongSupplier ticker) {
		this.jdbc = jdbc;
		this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
		this.ticker = ticker;
	}

	/** The rows of this username and algorithm: kept ones while fresh, else {@code load}'s (then kept). */
	public List<DigestStore.Ha1> usable(String username, String algorithm, Supplier<List<DigestStore.Ha1>> load) {
		if (ttlNanos == 0) {
			return load.get();
		}
		Key key = new Key(AccountStore.key(username), algorithm);
		long now = ticker.getAsLong();
		Entry kept = entries.get(key);
		if (kept != null && now - kept.loadedAt < ttlNanos) {
			return kept.rows;
		}
		long seen = evictions.get();
		Entry loaded = new Entry(List.copyOf(load.get()), now);
		if (entries.size() >= MAX_ENTRIES) {
			makeRoom(now);
		}
		entries.put(key, loaded);
		// An eviction raises the counter before it removes. If it ran while we read, our rows may predate the
		// change: take them out again (after our put, so either we see the raise or its removal follows our put).
		if (evictions.get() != seen) {
			entries.remove(key, loaded);
		}
		return loaded.rows;
	}

	/** The rows of this username changed (or will, when the current transaction commits). */
	public void evict(String username) {
		if (ttlNanos > 0) {
			evictKey(AccountStore.key(username));
		}
	}

	/** The rows of this account changed (or will, when the current transaction commits). */
	public void evict(AccountId account) {
		if (ttlNanos > 0) {
			jdbc.sql("SELECT username_key FROM accounts WHERE id = ?").param(account.value()).query(String.class)
				.optional().ifPresent(this::evictKey);
		}
	}

	int size() {
		return entries.size();
	}

	/**
	 * Evicts now and again when the surrounding transaction ends (committed or not). Now: a read later in the same
	 * transaction sees the change. At the end: until the commit, other requests still read the old rows from the
	 * database and may keep them; the second eviction (and the counter it raises) drops them the moment the change
	 * is visible. Chosen over {@code @TransactionalEventListener}: the stores call this directly, so no write can
	 * forget to publish an event, and there is nothing to evict when the change rolls back but nothing lost either.
	 */
	private void evictKey(String key) {
		drop(key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					drop(key);
				}
			});
		}
	}

	private void drop(String key) {
		evictions.incrementAndGet();
		for (DigestAlgorithm alg : DigestAlgorithm.values()) {
			entries.remove(new Key(key, alg.token()));
		}
	}

	private void makeRoom(long now) {
		int before = entries.size();
		entries.values().removeIf(e -> now - e.loadedAt >= ttlNanos);
		if (entries.size() > before - before / 4) {
			entries.clear();
		}
	}
}
