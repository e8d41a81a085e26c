package dev.parley.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parley.testing.ParleyIntegrationTest;

/**
 * The digest nonce tables as two nodes share them (two stores on one database, H2 and PostgreSQL): one key for both,
 * a nonce-count taken once whichever node sees it, and of many uses racing with one count exactly one wins.
 */
@ParleyIntegrationTest
class JdbcDigestNoncesTests {

	@Autowired
	JdbcTemplate jdbc;

	final Instant expires = Instant.now().plusSeconds(300);

	@Test
	void twoNodesShareTheKeyAndEachCountIsTakenOnce() {
		var a = new JdbcDigestNonces(jdbc);
		var b = new JdbcDigestNonces(jdbc);
		assertThat(a.key()).hasSize(32).isEqualTo(b.key());
		String nonce = "n-" + UUID.randomUUID();
		assertThat(a.use(nonce, 1, expires)).isTrue();
		assertThat(b.use(nonce, 1, expires)).as("the same answer on the other node").isFalse();
		assertThat(b.use(nonce, 2, expires)).isTrue();
		assertThat(a.use(nonce, 2, expires)).isFalse();
		assertThat(a.use(nonce, 1, expires)).as("a lower count").isFalse();
		assertThat(a.use(nonce, 7, expires)).isTrue();
		assertThat(b.use("n-" + UUID.randomUUID(), 3, expires)).as("a first use need not count from 1").isTrue();
	}

	@Test
	void ofUsesRacingWithOneCountExactlyOneWins() throws Exception {
		List<DigestNonces> nodes = List.of(new JdbcDigestNonces(jdbc), new JdbcDigestNonces(jdbc));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (long nc : new long[] { 1, 2 }) {
				String nonce = "race-" + UUID.randomUUID();
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Boolean>> uses = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					DigestNonces node = nodes.get(i % 2);
					Callable<Boolean> use = () -> {
						go.await();
						return node.use(nonce, nc, expires);
					};
					uses.add(pool.submit(use));
				}
				go.countDown();
				int won = 0;
				for (Future<Boolean> f : uses) {
					won += f.get() ? 1 : 0;
				}
				assertThat(won).as("winners with nc " + nc).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void expiredNoncesAreForgotten() {
		var store = new JdbcDigestNonces(jdbc);
		String old = "old-" + UUID.randomUUID();
		String live = "live-" + UUID.randomUUID();
		store.use(old, 1, Instant.now().minusSeconds(1));
		store.use(live, 1, expires);
		store.expire(Instant.now());
		assertThat(jdbc.queryForList("SELECT nonce FROM sip_digest_nonces WHERE nonce IN (?, ?)", String.class, old, live))
			.containsExactly(live);
	}
}
