package dev.parley.sip.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One writer thread for subscription and publication rows, committing in groups: it takes whatever queued up (up
 * to 1,000 operations) and writes subscription inserts, then deletes, then the latest update of each dialog, then
 * the publication changes asked for since the last group, coalesced ({@link PublicationBatch}), in one
 * transaction; then it tells each caller that waits (a subscription insert, a refresh). A failing group is retried one operation at a
 * time, so a row that cannot be written fails alone. Updates of one dialog coalesce (the latest wins); an update
 * after the delete is a no-op. Pending publication changes hold at most one row per live publication plus the
 * deletes, so a slow database cannot make them grow past what is published.
 */
final class WriteBehind {

	private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

	private sealed interface Op permits Insert, Refresh, Delete, Wake, Flush {
	}

	private record Insert(StoredSubscription row, Consumer<Boolean> done) implements Op {
	}

	/** An update whose caller waits for it (a refresh's new expiry, promised in its 200). */
	private record Refresh(StoredSubscription row, Consumer<Boolean> done) implements Op {
	}

	private record Delete(String key) implements Op {
	}

	private record Wake() implements Op {
	}

	/** One statement with the arguments of each row. */
	private record Batch(String sql, List<Object[]> args) {
	}

	private record Flush(CountDownLatch latch) implements Op {
	}

	private static final Wake WAKE = new Wake();

	/**
	 * How long a group nobody waits for may gather more (updates, deletes, publications). A crash loses at most
	 * this much more of them; RFC 3903 s6 makes an EPA whose entity tag is unknown start over (412).
	 */
	static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();

	private final Map<String, StoredSubscription> updates = new ConcurrentHashMap<>();

	/** Publication changes not yet taken by the writer (guarded by this). */
	private PublicationBatch publications = new PublicationBatch();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Thread thread;

	private volatile boolean running = true;

	WriteBehind(JdbcTemplate jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.thread = new Thread(this::run, "sip-store");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void insert(StoredSubscription row, Consumer<Boolean> done) {
		if (!running) {
			done.accept(false);
			return;
		}
		queue.add(new Insert(row, done));
	}

	void update(StoredSubscription row) {
		if (running && updates.put(row.key(), row) == null) {
			queue.add(WAKE);
		}
	}

	/** As {@link #update}, but {@code done} hears once it is committed (true) or could not be (false). */
	void refresh(StoredSubscription row, Consumer<Boolean> done) {
		if (!running) {
			done.accept(false);
			return;
		}
		updates.put(row.key(), row);
		queue.add(new Refresh(row, done));
	}

	void delete(String key) {
		if (running) {
			queue.add(new Delete(key));
		}
	}

	/** A new publication in place of {@code replaces} (null: none), written behind. */
	void savePublication(StoredPublication row, String replaces) {
		changePublications(batch -> batch.save(row, replaces));
	}

	void deletePublication(String etag) {
		changePublications(batch -> batch.delete(etag));
	}

	/** Waits (at most 5 s) until everything queued before is written (at once when closed, or on the writer). */
	void flush() {
		if (!running || Thread.currentThread() == thread) {
			return;
		}
		CountDownLatch latch = new CountDownLatch(1);
		queue.add(new Flush(latch));
		try {
			if (!latch.await(5, TimeUnit.SECONDS)) {
				log.warn("SIP store: writes still pending after 5 s");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Writes what is queued, then stops taking writes. */
	void close() {
		if (running && thread.isAlive()) {
			flush();
		}
		running = false;
		thread.interrupt();
	}

	private void run() {
		List<Op> ops = new ArrayList<>();
		while (running) {
			try {
				ops.add(queue.take());
				linger(ops);
				queue.drainTo(ops, 999);
				write(ops);
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				log.warn("SIP store: write failed", e);
			}
			finally {
				ops.clear();
			}
		}
	}

	/**
	 * When nobody waits for this group (no subscription insert, no flush), waits up to {@link #LINGER_NANOS} for
	 * more: a publisher modifying every few milliseconds then costs one row per group, not one per PUBLISH. An
	 * insert or a flush ends the wait at once.
	 */
	private void linger(List<Op> ops) throws InterruptedException {
		if (ops.stream().anyMatch(WriteBehind::waitedFor)) {
			return;
		}
		long deadline = System.nanoTime() + LINGER_NANOS;
		for (long left = LINGER_NANOS; left > 0; left = deadline - System.nanoTime()) {
			Op op = queue.poll(left, TimeUnit.NANOSECONDS);
			if (op == null) {
				return;
			}
			ops.add(op);
			if (waitedFor(op)) {
				return;
			}
		}
	}

	private static boolean waitedFor(Op op) {
		return op instanceof Insert || op instanceof Refresh || op instanceof Flush;
	}

	private void changePublications(Consumer<PublicationBatch> change) {
		if (!running) {
			return;
		}
		boolean wake;
		synchronized (this) {
			wake = publications.isEmpty();
			change.accept(publications);
		}
		if (wake) {
			queue.add(WAKE);
		}
	}

	private synchronized PublicationBatch takePublications() {
		PublicationBatch taken = publications;
		publications = new PublicationBatch();
		return taken;
	}

	private void write(List<Op> ops) {
		Instant now = Instant.now();
		List<Insert> inserts = ops.stream().filter(Insert.class::isInstance).map(Insert.class::cast).toList();
		List<Object[]> rows = inserts.stream().map(i -> JdbcSipStateStore.insertValues(i.row(), now)).toList();
		PublicationBatch publications = takePublications();
		List<Batch> rest = List.of(new Batch(JdbcSipStateStore.DELETE, deletes(ops)),
				new Batch(JdbcSipStateStore.UPDATE, updates()),
				new Batch(PublicationBatch.DELETE, publications.deletes()),
				new Batch(PublicationBatch.INSERT, publications.inserts(now)));
		List<Batch> group = new ArrayList<>(List.of(new Batch(JdbcSipStateStore.INSERT, rows)));
		group.addAll(rest);
		boolean ok = attempt(group);
		if (!ok) {
			rest.forEach(b -> b.args().forEach(args -> attempt(List.of(new Batch(b.sql(), one(args))))));
		}
		for (int i = 0; i < inserts.size(); i++) {
			boolean stored = ok || attempt(List.of(new Batch(JdbcSipStateStore.INSERT, one(rows.get(i)))));
			tell(inserts.get(i).done(), stored);
		}
		ops.stream().filter(Refresh.class::isInstance).map(Refresh.class::cast).forEach(r -> tell(r.done(), ok
				|| attempt(List.of(new Batch(JdbcSipStateStore.UPDATE, one(JdbcSipStateStore.updateValues(r.row())))))));
		ops.stream().filter(Flush.class::isInstance).forEach(f -> ((Flush) f).latch().countDown());
	}

	private static List<Object[]> deletes(List<Op> ops) {
		return ops.stream().filter(Delete.class::isInstance).map(o -> new Object[] { ((Delete) o).key() }).toList();
	}

	private List<Object[]> updates() {
		List<Object[]> changed = new ArrayList<>();
		for (String key : List.copyOf(updates.keySet())) {
			StoredSubscription row = updates.remove(key);
			if (row != null) {
				changed.add(JdbcSipStateStore.updateValues(row));
			}
		}
		return changed;
	}

	private boolean attempt(List<Batch> batches) {
		try {
			tx.executeWithoutResult(status -> batches.stream().filter(b -> !b.args().isEmpty())
				.forEach(b -> jdbc.batchUpdate(b.sql(), b.args())));
			return true;
		}
		catch (RuntimeException e) {
			log.debug("SIP store: group of {} not written: {}", batches.stream().mapToInt(b -> b.args().size()).sum(),
					e.toString());
			return false;
		}
	}

	private static List<Object[]> one(Object[] args) {
		return java.util.Collections.singletonList(args);
	}

	private static void tell(Consumer<Boolean> done, boolean stored) {
		try {
			done.accept(stored);
		}
		catch (RuntimeException e) {
			log.warn("SIP store: callback failed", e);
		}
	}
}
