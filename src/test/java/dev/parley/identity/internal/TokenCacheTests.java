package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.Role;

/**
 * A known token's account is read once per time to live; it still ends at its expiry, an eviction (a revoked token,
 * a renamed account) is seen on the next request, unknown tokens are never kept, and a read that overlapped an
 * eviction is not kept either. A kept token in use is read again in the background before its time is up, with the
 * kept entry answering meanwhile, and never answers past its time to live.
 */
class TokenCacheTests {

	static final Duration TTL = Duration.ofSeconds(9);

	final AtomicLong clock = new AtomicLong();

	/** The background reads, run when a test says so. */
	final List<Runnable> background = new ArrayList<>();

	final TokenCache cache = new TokenCache(TTL, clock::get, background::add);
	final Account ann = new Account(new AccountId(UUID.randomUUID()), "ann", "Ann", Role.AGENT, true, Instant.EPOCH);
	final Instant now = Instant.parse("2026-12-06T10:00:00Z");
	final AtomicInteger reads = new AtomicInteger();

	Supplier<Optional<TokenCache.Loaded>> table(Account account, Instant expiresAt) {
		return () -> {
			reads.incrementAndGet();
			return Optional.ofNullable(account).map(a -> new TokenCache.Loaded(a, expiresAt));
		};
	}

	void after(Duration d) {
		clock.addAndGet(d.toNanos());
	}

	void runBackground() {
		var due = new ArrayList<>(background);
		background.clear();
		due.forEach(Runnable::run);
	}

	@Test
	void aKnownTokenIsReadOncePerTimeToLive() {
		var idle = new TokenCache(TTL, clock::get, r -> {
			throw new AssertionError("nothing is due within a third of the time");
		});
		for (int i = 0; i < 5; i++) {
			assertThat(idle.account("h", now, table(ann, null))).contains(ann);
			after(TTL.dividedBy(3).minusMillis(1).dividedBy(5));
		}
		assertThat(reads).hasValue(1);
		after(TTL);
		assertThat(idle.account("h", now, table(ann, null))).contains(ann);
		assertThat(reads).as("read again, on the request, once its time is up").hasValue(2);
	}

	@Test
	void aTokenInUseIsReadAgainInTheBackgroundWhileTheKeptEntryAnswers() {
		var renamed = new Account(ann.id(), "ann", "Ann B.", Role.AGENT, true, Instant.EPOCH);
		assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		after(TTL.multipliedBy(2).dividedBy(3)); // due by now, whatever its random point
		assertThat(cache.account("h", now, table(renamed, null))).as("the kept entry answers at once").contains(ann);
		assertThat(cache.account("h", now, table(renamed, null))).contains(ann);
		assertThat(background).as("one read ahead in flight per token").hasSize(1);
		assertThat(reads).as("nothing read on the request's thread").hasValue(1);

		runBackground();
		assertThat(reads).hasValue(2);
		assertThat(cache.refreshes()).isEqualTo(1);
		assertThat(cache.requestReads()).as("only the first read was the request's").isEqualTo(1);
		after(TTL.dividedBy(2)); // past the first entry's time, within the new one's
		assertThat(cache.account("h", now, table(renamed, null))).as("the new read answers").contains(renamed);
		assertThat(reads).hasValue(2);
	}

	@Test
	void aTokenRevokedElsewhereIsDroppedByItsReadAhead() {
		assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		after(TTL.multipliedBy(2).dividedBy(3));
		assertThat(cache.account("h", now, table(null, null))).contains(ann);
		runBackground(); // the row says revoked (another node did it)
		assertThat(cache.size()).isZero();
		assertThat(cache.account("h", now, table(null, null))).isEmpty();
	}

	@Test
	void aReadAheadThatHasNotAnsweredNeverStretchesTheTimeToLive() {
		assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		after(TTL.multipliedBy(2).dividedBy(3));
		cache.account("h", now, table(ann, null));
		assertThat(background).hasSize(1); // and it does not run (a slow database)
		after(TTL.dividedBy(3));
		assertThat(cache.account("h", now, table(null, null))).as("past its time: read on the request").isEmpty();
		assertThat(reads).hasValue(2);
	}

	@Test
	void aReadAheadThatOverlappedAnEvictionIsNotKept() {
		assertThat(cache.account("h", now, table(ann, null))).contains(ann);
		after(TTL.multipliedBy(2).dividedBy(3));
		cache.account("h", now, () -> {
			cache.evict(ann.id()); // revoked on this node while the row was read
			return Optional.of(new TokenCache.Loaded(ann, null));
		});
		runBackground();
		assertThat(cache.size()).isZero();
	}

	@Test
	void aFailedOrRefusedReadAheadLeavesTheEntryToItsTime() {
		var refusing = new AtomicReference<Boolean>(true);
		var tried = new AtomicInteger();
		var busy = new TokenCache(TTL, clock::get, r -> {
			tried.incrementAndGet();
			if (refusing.get()) {
				throw new RejectedExecutionException("full");
			}
			r.run();
		});
		assertThat(busy.account("h", now, table(ann, null))).contains(ann);
		after(TTL.multipliedBy(2).dividedBy(3));
		assertThat(busy.account("h", now, table(ann, null))).contains(ann);
		refusing.set(false);
		assertThat(busy.account("h", now, () -> {
			throw new IllegalStateException("database down");
		})).as("a refused read ahead is tried again by the next use; its failure is not the request's").contains(ann);
		assertThat(tried).hasValue(2);
		assertThat(busy.account("h", now, table(ann, null))).contains(ann);
		assertThat(tried).as("a failed read ahead is not tried again: the entry ends at its time").hasValue(2);
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
