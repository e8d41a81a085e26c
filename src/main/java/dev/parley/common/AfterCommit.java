package dev.parley.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed (at once when there is none, and never when it rolls back),
 * without the event publication registry. For listeners that keep a cache or push to pages: what they do is rebuilt
 * from the tables (on start, by a resync or by a page's reconnect), so it needs no record. Spring Modulith records
 * every {@code @TransactionalEventListener} in its registry and marks it completed in a new transaction while the
 * committing one still holds its connection: one request then needs two connections at once, and as many requests
 * at once as the pool has connections wait for each other until the pool's timeout. Plain {@code @EventListener}s
 * that hand their work to this class need one connection. Work that fails is logged: the change it follows is
 * committed, and its caller is told so.
 */
public final class AfterCommit {

	private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

	private AfterCommit() {
	}

	/** After the commit, in the order the work was handed in (among work of the same order). */
	public static void run(Runnable work) {
		run(Ordered.LOWEST_PRECEDENCE, work);
	}

	/** After the commit, before work of a later {@code order} (as {@link Ordered}: lower runs first). */
	public static void run(int order, Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			safely(work);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				safely(work);
			}

			@Override
			public int getOrder() {
				return order;
			}
		});
	}

	private static void safely(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException e) {
			log.warn("Work after a commit failed (the change itself is committed)", e);
		}
	}
}
