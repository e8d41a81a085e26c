package dev.parley.live;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads that write outboxes to browsers. A connection with something waiting gets one writer task in the queue
 * (not one per event); an urgent task (an event for one account: a chat message, an offer) goes to the head of the
 * queue, so it is written before a fan-out to thousands of pages that is still being written.
 */
final class Writers {

	/** A writer task to run before the others. */
	private static final class Urgent implements Runnable {
		private final Runnable task;

		Urgent(Runnable task) {
			this.task = task;
		}

		@Override
		public void run() {
			task.run();
		}
	}

	/** The writers' queue: urgent tasks at the head, the rest at the tail. */
	private static final class Lanes extends LinkedBlockingDeque<Runnable> {
		@Override
		public boolean offer(Runnable task) {
			return task instanceof Urgent ? offerFirst(task) : offerLast(task);
		}
	}

	/** Connections per writer task in a fan-out: a task writes them in a few milliseconds, so a chat message or an
	 * offer (urgent, at the queue's head) waits at most that long for a writer. */
	static final int BATCH = 128;

	private final ThreadPoolExecutor pool;

	Writers(int threads) {
		AtomicInteger n = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new Lanes(),
				r -> daemon(r, "live-write-" + n.incrementAndGet()), new ThreadPoolExecutor.DiscardPolicy());
	}

	/**
	 * Has a writer write the connection's outbox: a normal task only if none waits for it already; an urgent one
	 * always (it finds nothing to do when another writer got there first). {@code failed} closes a broken connection.
	 */
	void write(LiveConnection connection, boolean urgent, Consumer<LiveConnection> failed) {
		if (urgent) {
			pool.execute(new Urgent(() -> drain(connection, failed)));
		}
		else if (connection.markQueued()) {
			pool.execute(() -> {
				connection.unmarkQueued();
				drain(connection, failed);
			});
		}
	}

	/**
	 * Has the writers write these connections' outboxes (a fan-out): in tasks of {@value #BATCH} connections each, so
	 * that ten thousand pages cost some eighty tasks in the queue (and as many thread hand-overs) rather than ten
	 * thousand, and all writers share the work. A connection whose writer task waits already is left to it.
	 */
	void writeAll(Iterable<LiveConnection> connections, Consumer<LiveConnection> failed) {
		LiveConnection[] batch = new LiveConnection[BATCH];
		int n = 0;
		for (LiveConnection c : connections) {
			if (c.markQueued()) {
				batch[n++] = c;
				if (n == BATCH) {
					submit(batch, n, failed);
					batch = new LiveConnection[BATCH];
					n = 0;
				}
			}
		}
		if (n > 0) {
			submit(batch, n, failed);
		}
	}

	private void submit(LiveConnection[] batch, int n, Consumer<LiveConnection> failed) {
		pool.execute(() -> {
			for (int i = 0; i < n; i++) {
				batch[i].unmarkQueued();
				drain(batch[i], failed);
			}
		});
	}

	private static void drain(LiveConnection connection, Consumer<LiveConnection> failed) {
		if (!connection.drain()) {
			failed.accept(connection);
		}
	}

	void shutdown() {
		pool.shutdownNow();
	}

	static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}
}
