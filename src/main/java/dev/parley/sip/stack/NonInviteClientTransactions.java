package dev.parley.sip.stack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-INVITE client transactions (RFC 3261 s17.1.2), the NOTIFYs Parley sends: each waits for its final answer
 * by branch; on UDP it is sent again on Timer E (T1, 2*T1, 4*T1, then 8*T1 = T2 again and again) until Timer F
 * (64*T1) ends it with 408; on TCP only Timer F runs. A send that fails is a 503 (s8.1.3.1). The timers are queues
 * in deadline order ({@link FifoDeadlines}), driven by {@link #tick}.
 */
final class NonInviteClientTransactions {

	private static final Logger log = LoggerFactory.getLogger(NonInviteClientTransactions.class);

	/** A request waiting for its final answer. */
	static final class ClientTransaction {

		final String branch;

		final byte[] bytes;

		final Peer peer;

		final IntConsumer onFinal;

		final long started;

		final AtomicBoolean done = new AtomicBoolean();

		ClientTransaction(String branch, byte[] bytes, Peer peer, IntConsumer onFinal, long started) {
			this.branch = branch;
			this.bytes = bytes;
			this.peer = peer;
			this.onFinal = onFinal;
			this.started = started;
		}
	}

	private final Map<String, ClientTransaction> byBranch = new ConcurrentHashMap<>();

	private final long timerFNanos;

	private final List<FifoDeadlines<ClientTransaction>> timerE;

	private final FifoDeadlines<ClientTransaction> reliableTimerF;

	/** Hands a final status to the transaction's owner (at once, or on a pool). */
	private final ObjIntConsumer<IntConsumer> deliver;

	NonInviteClientTransactions(long t1Millis, ObjIntConsumer<IntConsumer> deliver) {
		this.timerFNanos = 64 * t1Millis * 1_000_000L;
		this.timerE = List.of(new FifoDeadlines<>(t1Millis), new FifoDeadlines<>(2 * t1Millis),
				new FifoDeadlines<>(4 * t1Millis), new FifoDeadlines<>(8 * t1Millis));
		this.reliableTimerF = new FifoDeadlines<>(64 * t1Millis);
		this.deliver = deliver;
	}

	/** Sends a request in a new transaction; {@code onFinal} gets its final status. */
	void send(String branch, byte[] bytes, Peer peer, IntConsumer onFinal) {
		long now = System.nanoTime();
		ClientTransaction ct = new ClientTransaction(branch, bytes, peer, onFinal, now);
		byBranch.put(branch, ct);
		if (!peer.send(bytes)) {
			finish(ct, 503); // a transport error counts as 503 (RFC 3261 s8.1.3.1)
			return;
		}
		if (peer.reliable()) {
			reliableTimerF.add(ct, now);
		}
		else {
			timerE.get(0).add(ct, now);
		}
	}

	/** A response to the transaction of {@code branch}: a final one ends it; a provisional one changes nothing. */
	void answered(int status, String branch) {
		if (status < 200) {
			return; // Timer E goes on (s17.1.2.2 would slow it to T2; harmless either way)
		}
		ClientTransaction ct = byBranch.get(branch);
		if (ct != null) {
			finish(ct, status);
		}
	}

	/** Retransmissions and timeouts that are due. */
	void tick(long now) {
		for (int level = 0; level < timerE.size(); level++) {
			int next = Math.min(level + 1, timerE.size() - 1);
			timerE.get(level).expire(now, ct -> retransmit(ct, next, now));
		}
		reliableTimerF.expire(now, ct -> finish(ct, 408));
	}

	int count() {
		return byBranch.size();
	}

	private void retransmit(ClientTransaction ct, int nextLevel, long now) {
		if (ct.done.get()) {
			return;
		}
		if (now - ct.started >= timerFNanos) {
			finish(ct, 408);
			return;
		}
		if (log.isDebugEnabled()) {
			log.debug("SIP: no answer yet to {} after {} ms, sending it again", ct.branch, (now - ct.started) / 1_000_000);
		}
		ct.peer.send(ct.bytes);
		timerE.get(nextLevel).add(ct, now);
	}

	private void finish(ClientTransaction ct, int status) {
		if (byBranch.remove(ct.branch, ct) && ct.done.compareAndSet(false, true)) {
			deliver.accept(ct.onFinal, status);
		}
	}
}
