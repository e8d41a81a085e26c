package dev.parley.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.parley.common.AfterCommit;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentitySettings;

/**
 * The account behind a known API token (by the token's hash), kept for a short time
 * ({@code parley.identity.token-cache-ttl}, default 10 s; zero turns it off) so that an API request costs no database
 * read for its token (two reads before: the token, then its account). Unknown tokens are never kept (the sign-in throttle answers a flood of them). A kept token still ends at its
 * expiry, checked against the clock on every use.
 * <p>
 * Revoking a token and changing its account (the display name requests carry) evict the account's tokens on this node
 * at once and again once the transaction commits, so here a revoked token is refused on the very next request; other
 * nodes each have their own cache and see the change within the time to live, as with the digest cache
 * ({@link DigestCache}, decision 0004). At most {@link #MAX_ENTRIES} entries; when full, all go.
 */
@Component
public class TokenCache {

	static final int MAX_ENTRIES = 10_000;

	/** What a token's hash gave: its owner as read, and when the token expires (null: never). */
	private record Entry(Account account, Instant expiresAt, long loadedAt) {
	}

	/** A known, active token's owner and expiry, as read from the tables. */
	public record Loaded(Account account, Instant expiresAt) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/** Raised by every eviction: a load that saw it move may hold a row read before the change, so it is not kept. */
	private final AtomicLong evictions = new AtomicLong();

	private final long ttlNanos;

	private final LongSupplier ticker;

	@Autowired
	TokenCache(IdentitySettings settings) {
		this(settings.tokenCacheTtl(), System::nanoTime);
	}

	TokenCache(Duration ttl, LongSupplier ticker) {
		this.ttlNanos = ttl.isNegative() ? 0 : ttl.toNanos();
		this.ticker = ticker;
	}

	/** The token's account if the token is active at {@code now}: a kept one while fresh, else {@code load}'s. */
	public Optional<Account> account(String hash, Instant now, Supplier<Optional<Loaded>> load) {
		if (ttlNanos > 0) {
			Entry kept = entries.get(hash);
			if (kept != null && ticker.getAsLong() - kept.loadedAt < ttlNanos) {
				return active(kept.account, kept.expiresAt, now);
			}
		}
		long seen = evictions.get();
		long at = ticker.getAsLong();
		Optional<Loaded> loaded = load.get();
		if (loaded.isEmpty()) {
			entries.remove(hash);
			return Optional.empty();
		}
		if (ttlNanos > 0) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			Entry entry = new Entry(loaded.get().account(), loaded.get().expiresAt(), at);
			entries.put(hash, entry);
			// an eviction raises the counter before it removes: if one ran while we read, our row may predate it
			if (evictions.get() != seen) {
				entries.remove(hash, entry);
			}
		}
		return active(loaded.get().account(), loaded.get().expiresAt(), now);
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

	int size() {
		return entries.size();
	}
}
