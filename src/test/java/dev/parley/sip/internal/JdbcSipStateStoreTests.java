package dev.parley.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.parley.sip.SipDialogState;
import dev.parley.testing.ParleyIntegrationTest;

/** The sip_subscriptions and sip_publications tables through the store, on H2 and PostgreSQL. */
@ParleyIntegrationTest
class JdbcSipStateStoreTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	JdbcSipStateStore store;

	final Instant expires = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

	@AfterEach
	void close() {
		store.close();
	}

	StoredSubscription row(String callId) {
		var dialog = new SipDialogState(callId, SipDialogState.newTag(), "sip:agent-1@parley.local", "theirs",
				"sip:w@192.0.2.1", "sip:w@192.0.2.1:5070;transport=tcp", List.of("<sip:p1;lr>", "<sip:p2;lr>"), "tcp", 1);
		return new StoredSubscription(dialog, 1001, "presence", "7", UUID.randomUUID(), "urn:uuid:" + UUID.randomUUID(),
				"SUPERVISOR", "pres:agent-1@parley.local", expires, "active");
	}

	boolean create(StoredSubscription row) throws Exception {
		CompletableFuture<Boolean> stored = new CompletableFuture<>();
		store.create(row, stored::complete);
		return stored.get(5, TimeUnit.SECONDS);
	}

	StoredSubscription find(String key) {
		return store.subscriptions().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
	}

	@Test
	void aSubscriptionIsReadBackWithItsWholeDialogOnceTheCallbackSaysStored() throws Exception {
		store = new JdbcSipStateStore(jdbc, transactions);
		StoredSubscription row = row("call-" + UUID.randomUUID());
		assertThat(create(row)).isTrue();
		StoredSubscription read = find(row.key());
		assertThat(read.dialog()).as("after a restart the next CSeq is the reserved one")
			.isEqualTo(row.dialog().withNextCSeq(1001));
		assertThat(read).usingRecursiveComparison().ignoringFields("dialog").isEqualTo(row);
	}

	@Test
	void updatesAreWrittenBehindTheLatestWinningAndDeletesEndIt() throws Exception {
		store = new JdbcSipStateStore(jdbc, transactions);
		StoredSubscription row = row("call-" + UUID.randomUUID());
		create(row);
		store.update(row.with(1501, expires.plusSeconds(60), "pending"));
		store.update(row.with(2001, expires.plusSeconds(120), "active"));
		store.flush();
		StoredSubscription read = find(row.key());
		assertThat(read.cseqReserved()).isEqualTo(2001);
		assertThat(read.expiresAt()).isEqualTo(expires.plusSeconds(120));
		store.delete(row.key());
		store.update(row.with(3001, expires, "active"));
		store.flush();
		assertThat(find(row.key())).isNull();
	}

	@Test
	void aRefreshIsCommittedBeforeItsCallbackHears() throws Exception {
		store = new JdbcSipStateStore(jdbc, transactions);
		StoredSubscription row = row("call-" + UUID.randomUUID());
		create(row);
		CompletableFuture<java.sql.Timestamp> seen = new CompletableFuture<>();
		store.refresh(row.with(1001, expires.plusSeconds(3000), "active"), stored -> seen.complete(stored
				? jdbc.queryForObject("SELECT expires_at FROM sip_subscriptions WHERE dialog_key = ?",
						java.sql.Timestamp.class, row.key())
				: null));
		assertThat(seen.get(5, TimeUnit.SECONDS).toInstant()).as("read in the callback, without a flush")
			.isEqualTo(expires.plusSeconds(3000));
	}

	@Test
	void aRowThatCannotBeWrittenFailsAloneNotItsGroup() throws Exception {
		store = new JdbcSipStateStore(jdbc, transactions);
		StoredSubscription first = row("call-" + UUID.randomUUID());
		create(first);
		CompletableFuture<Boolean> duplicate = new CompletableFuture<>();
		CompletableFuture<Boolean> other = new CompletableFuture<>();
		StoredSubscription next = row("call-" + UUID.randomUUID());
		store.create(first, duplicate::complete);
		store.create(next, other::complete);
		assertThat(duplicate.get(5, TimeUnit.SECONDS)).isFalse();
		assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(find(next.key())).isNotNull();
	}

	@Test
	void aPublicationReplacesTheOneItsEntityTagNamedAndIsDeletedByTag() {
		store = new JdbcSipStateStore(jdbc, transactions);
		String etag1 = "e1-" + UUID.randomUUID();
		String etag2 = "e2-" + UUID.randomUUID();
		store.savePublication(new StoredPublication(etag1, "pres:agent-1@parley.local", "<presence/>", expires), null);
		store.savePublication(new StoredPublication(etag2, "pres:agent-1@parley.local", "<presence>2</presence>", expires), etag1);
		assertThat(store.publications()).extracting(StoredPublication::etag).contains(etag2).doesNotContain(etag1);
		assertThat(store.publications()).filteredOn(p -> p.etag().equals(etag2)).singleElement()
			.isEqualTo(new StoredPublication(etag2, "pres:agent-1@parley.local", "<presence>2</presence>", expires));
		store.deletePublication(etag2);
		assertThat(store.publications()).extracting(StoredPublication::etag).doesNotContain(etag2);
	}

	@Test
	void publicationChangesInOneGroupCoalesceDeletingOnlyWhatWasWritten() throws Exception {
		Recording recording = new Recording(jdbc);
		store = new JdbcSipStateStore(recording, transactions);
		String a = etag("a"), b = etag("b"), c = etag("c"), d = etag("d"), e = etag("e");
		store.savePublication(publication(a), null);
		store.flush();
		CountDownLatch release = holdTheWriter();
		store.savePublication(publication(b), a); // modify
		store.savePublication(publication(c), b); // modify again
		store.savePublication(publication(d), null); // another device: initial, then removed
		store.deletePublication(d);
		release.countDown();
		store.flush();
		assertThat(recording.publications).containsExactly("insert " + a, "delete " + a, "insert " + c);
		store.savePublication(publication(e), c);
		store.flush();
		assertThat(recording.publications).endsWith("delete " + c, "insert " + e);
		assertThat(store.publications()).extracting(StoredPublication::etag).contains(e).doesNotContain(a, b, c, d);
		store.deletePublication(e);
	}

	@Test
	void closingWritesWhatIsQueued() throws Exception {
		store = new JdbcSipStateStore(jdbc, transactions);
		String a = etag("a"), b = etag("b");
		store.savePublication(publication(a), null);
		CountDownLatch release = holdTheWriter();
		store.savePublication(publication(b), a);
		CompletableFuture.runAsync(() -> release.countDown(), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
		store.close();
		store = new JdbcSipStateStore(jdbc, transactions); // the next start
		assertThat(store.publications()).extracting(StoredPublication::etag).contains(b).doesNotContain(a);
		store.deletePublication(b);
	}

	@Test
	void afterCloseNothingIsTakenAnyMore() throws Exception {
		store = new JdbcSipStateStore(jdbc, transactions);
		store.close();
		assertThat(create(row("call-" + UUID.randomUUID()))).isFalse();
	}

	static String etag(String name) {
		return name + "-" + UUID.randomUUID();
	}

	StoredPublication publication(String etag) {
		return new StoredPublication(etag, "pres:agent-1@parley.local", "<presence>" + etag + "</presence>", expires);
	}

	/**
	 * Keeps the writer thread busy (in the callback of an expired subscription's insert) until the latch is
	 * released, so what is asked for meanwhile makes one group.
	 */
	CountDownLatch holdTheWriter() throws InterruptedException {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		StoredSubscription row = row("call-" + UUID.randomUUID());
		store.create(row, stored -> {
			held.countDown();
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
		store.delete(row.key());
		return release;
	}

	/** Records the publication rows each batch writes. */
	static final class Recording extends JdbcTemplate {

		final List<String> publications = Collections.synchronizedList(new ArrayList<>());

		Recording(JdbcTemplate jdbc) {
			super(jdbc.getDataSource());
		}

		@Override
		public int[] batchUpdate(String sql, List<Object[]> args) {
			if (sql.contains("sip_publications")) {
				String op = sql.startsWith("INSERT") ? "insert " : "delete ";
				args.forEach(a -> publications.add(op + a[0]));
			}
			return super.batchUpdate(sql, args);
		}
	}
}
