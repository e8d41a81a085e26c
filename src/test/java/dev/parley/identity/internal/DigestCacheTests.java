package dev.parley.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.Role;

/** The kept HA1 rows, without a database: time to live, eviction, the race with a load, the bound. */
class DigestCacheTests {

	final AtomicLong nanos = new AtomicLong();

	final DigestCache cache = new DigestCache(null, Duration.ofSeconds(10), nanos::get);

	final AtomicInteger reads = new AtomicInteger();

	final List<DigestStore.Ha1> rows = List.of(new DigestStore.Ha1(new Account(new AccountId(UUID.randomUUID()), "Ann",
			"Ann", Role.AGENT, true, Instant.EPOCH), "ha1", null));

	Supplier<List<DigestStore.Ha1>> load = () -> {
		reads.incrementAndGet();
		return rows;
	};

	@Test
	void rowsAreKeptForTheTimeToLiveThenReadAgain() {
		assertThat(cache.usable("ann", "MD5", load)).isEqualTo(rows);
		nanos.addAndGet(Duration.ofSeconds(9).toNanos());
		cache.usable("ANN ", "MD5", load);
		assertThat(reads).hasValue(1);
		cache.usable("ann", "SHA-256", load);
		assertThat(reads).as("per algorithm").hasValue(2);
		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		cache.usable("ann", "MD5", load);
		assertThat(reads).hasValue(3);
	}

	@Test
	void zeroTurnsItOff() {
		var off = new DigestCache(null, Duration.ZERO, nanos::get);
		off.usable("ann", "MD5", load);
		off.usable("ann", "MD5", load);
		off.evict("ann");
		assertThat(reads).hasValue(2);
	}

	@Test
	void anEvictionIsCaseBlindAndTakesEveryAlgorithm() {
		cache.usable("Ann", "MD5", load);
		cache.usable("Ann", "SHA-256", load);
		cache.evict("ANN");
		cache.usable("ann", "MD5", load);
		cache.usable("ann", "SHA-256", load);
		assertThat(reads).hasValue(4);
	}

	@Test
	void rowsReadWhileAnEvictionRanAreNotKept() {
		Supplier<List<DigestStore.Ha1>> racing = () -> {
			cache.evict("ann"); // the change commits while the old rows are being read
			return load.get();
		};
		cache.usable("ann", "MD5", racing);
		cache.usable("ann", "MD5", load);
		assertThat(reads).hasValue(2);
		cache.usable("ann", "MD5", load);
		assertThat(reads).as("an undisturbed read is kept").hasValue(2);
	}

	@Test
	void aFloodOfMadeUpUsernamesCannotGrowItPastItsBound() {
		for (int i = 0; i < 5 * DigestCache.MAX_ENTRIES; i++) {
			cache.usable("nobody-" + i, "MD5", List::of);
			assertThat(cache.size()).isLessThanOrEqualTo(DigestCache.MAX_ENTRIES);
		}
		nanos.addAndGet(Duration.ofSeconds(11).toNanos());
		cache.usable("ann", "MD5", load);
		assertThat(cache.size()).as("what is past its time goes first").isEqualTo(1);
	}
}
