package dev.parley.sip.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Non-INVITE server transactions (RFC 3261 s17.2.2), by {@link TransactionKey}: a request is handled once; a retransmission of it gets the
 * kept answer again (or nothing while it is being handled). On UDP the answer is kept for Timer J (64*T1, counted
 * from the request's arrival: the answer follows within milliseconds); on TCP the transaction ends with its answer.
 */
final class NonInviteServerTransactions {

	/** A request with its answer, kept for retransmissions of the request. */
	static final class ServerTransaction {

		final TransactionKey key;

		final Peer peer;

		volatile byte[] response;

		ServerTransaction(TransactionKey key, Peer peer) {
			this.key = key;
			this.peer = peer;
		}
	}

	private final Map<TransactionKey, ServerTransaction> byKey = new ConcurrentHashMap<>();

	private final FifoDeadlines<ServerTransaction> timerJ;

	NonInviteServerTransactions(long t1Millis) {
		this.timerJ = new FifoDeadlines<>(64 * t1Millis + 500);
	}

	/** A new transaction for a request, or null for a retransmission (answered again here when it can be). */
	ServerTransaction begin(TransactionKey key, Peer replyTo) {
		ServerTransaction tx = new ServerTransaction(key, replyTo);
		ServerTransaction earlier = byKey.putIfAbsent(key, tx);
		if (earlier != null) {
			byte[] response = earlier.response;
			if (response != null) {
				earlier.peer.send(response);
			}
			return null;
		}
		if (!replyTo.reliable()) {
			timerJ.add(tx, System.nanoTime());
		}
		return tx;
	}

	/** Sends the final answer and keeps it (UDP) or ends the transaction (TCP); false when it could not be sent. */
	boolean answer(ServerTransaction tx, byte[] response) {
		tx.response = response;
		boolean sent = tx.peer.send(response);
		if (tx.peer.reliable()) {
			byKey.remove(tx.key, tx);
		}
		return sent;
	}

	/** Forgets the transactions whose Timer J has run out. */
	void tick(long now) {
		timerJ.expire(now, tx -> byKey.remove(tx.key, tx));
	}

	int count() {
		return byKey.size();
	}
}
