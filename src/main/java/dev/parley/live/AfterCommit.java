package dev.parley.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a push once the current transaction has committed (at once when there is none, and never when it rolls back),
 * without the event publication registry: what live push sends is rebuilt by a reconnect, so it needs no record, and
 * the registry's bookkeeping would take a second database connection while the first is still held. A push that fails
 * is logged: the change it follows is committed, and its caller is told so.
 */
final class AfterCommit {

	private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

	private AfterCommit() {
	}

	static void run(Runnable push) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			safely(push);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				safely(push);
			}
		});
	}

	private static void safely(Runnable push) {
		try {
			push.run();
		}
		catch (RuntimeException e) {
			log.warn("A live push after commit failed; the pages catch up when they reconnect", e);
		}
	}
}
