package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.Role;

/**
 * A known token's account is read once per time to live; it still ends at its expiry, an eviction (a revoked token,
 * a renamed account) is seen on the next request, unknown tokens are never kept, and a read that overlapped an
 * eviction is not kept either.
 */
class TokenCacheTests {

	final AtomicLong clock = new AtomicLong();
	final TokenCache cache = new TokenCache(Duration.ofSeconds(10), clock::get);
	final Account ann = new Account(new AccountId(UUID.randomUUID()), "ann", "Ann", Role.AGENT, true, Instant.EPOCH);
	final Instant now = Instant.parse("2026-12-06T10:00:00Z");
	final AtomicInteger reads = new AtomicInteger();

	Supplier<Optional<TokenCache.Loaded>> table(Account account, Instant expiresAt) {
		return () -> {
			reads.incrementAndGet();
			return Optional.ofNullable(account).map(a -> new TokenCache.Loaded(a, expiresAt));
		};
	}

	@Test
	void aKnownTokenIsReadOncePerTimeToLive() {
		for (int i = 0; i < 5; i++) {
			assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		}
		assertThat(reads).hasValue(1);
		clock.addAndGet(Duration.ofSeconds(10).toNanos());
		assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		assertThat(reads).as("read again once its time is up").hasValue(2);
	}

	@Test
	void aKeptTokenStillEndsAtItsExpiry() {
		Instant expires = now.plusSeconds(1);
		assertThat(cache.account("h", now, table(ann, expires))).contains(ann);
		assertThat(cache.account("h", expires, table(ann, expires))).isEmpty();
		assertThat(reads).hasValue(1);
	}

	@Test
	void anEvictionIsSeenOnTheNextRequestAndUnknownTokensAreNotKept() {
		assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		cache.evict(ann.id()); // revoked
		assertThat(cache.account("h", now, table(null, null))).isEmpty();
		assertThat(cache.account("h", now, table(null, null))).isEmpty();
		assertThat(reads).as("an unknown token is read every time").hasValue(3);
		assertThat(cache.size()).isZero();
	}

	@Test
	void aReadThatOverlappedAnEvictionIsNotKept() {
		assertThat(cache.account("h", now, () -> {
			cache.evict(ann.id()); // the name changed while the row was read
			return Optional.of(new TokenCache.Loaded(ann, null));
		})).contains(ann);
		assertThat(cache.size()).isZero();
	}
}
