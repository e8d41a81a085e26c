package dev.parley.sip;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.presence.Notifier;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Subscription;
import dev.parley.presence.SubscriptionId;
import dev.parley.presence.SubscriptionState;
import dev.parley.presence.TerminationReason;
import dev.parley.presence.WatcherInfo;
import dev.parley.sip.internal.SipStateStore;

/**
 * The presence service's {@link Notifier} for SIP: keeps the SIP subscriptions (by dialog, by presence
 * subscription, winfo by presentity) and turns each change into a NOTIFY through the subscription's outbox.
 * Called under a presentity's lock, so it only enqueues; NOTIFYs go out on the scheduler's threads, one at a
 * time per subscription, and the next only once the last is answered (changes meanwhile coalesce, the last
 * state wins). A NOTIFY answered 481 (or not at all, or with an error) ends the subscription.
 */
final class SipNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(SipNotifier.class);

	private final Map<String, SipSubscription> byDialog = new ConcurrentHashMap<>();

	private final Map<SubscriptionId, SipSubscription> byPresence = new ConcurrentHashMap<>();

	private final Map<PresentityId, Set<SipSubscription>> winfo = new ConcurrentHashMap<>();

	/** Runs a task after a delay (a scheduled executor in the application, by hand in tests). */
	@FunctionalInterface
	interface Scheduler {
		void schedule(Runnable task, long delayMillis);

		static Scheduler of(ScheduledExecutorService executor) {
			return (task, delay) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS);
		}
	}

	private final Scheduler scheduler;

	private final Clock clock;

	private final long intervalMillis;

	private final NotifyWriter writer;

	private final SipStateStore store;

	private volatile Consumer<SipSubscription> onGone = s -> {
	};

	/** At shutdown: nothing more is sent, and nothing ends (the stored subscriptions outlive the process). */
	private volatile boolean suspended;

	SipNotifier(Scheduler scheduler, Clock clock, long intervalMillis, SipStateStore store, NotifyWriter writer) {
		this.scheduler = scheduler;
		this.clock = clock;
		this.intervalMillis = intervalMillis;
		this.store = store;
		this.writer = writer;
	}

	SipStateStore store() {
		return store;
	}

	/** Writes a subscription's changed CSeq reservation or state (behind, not waited for). */
	void persist(SipSubscription s) {
		if (!suspended) {
			store.update(s.stored());
		}
	}

	/**
	 * Stores a refreshed subscription's new expiry; {@code stored} hears once it is durable (true) or could not be
	 * stored (false), possibly on another thread. The refresh's 200 waits for it: it promises that expiry.
	 */
	void persistRefresh(SipSubscription s, Consumer<Boolean> stored) {
		if (suspended) {
			stored.accept(false);
			return;
		}
		store.refresh(s.stored(), stored);
	}

	/** Stops sending and ending subscriptions: the process is going away, its subscriptions stay stored. */
	void suspend() {
		suspended = true;
	}

	/** What to do when a watcher is gone (its NOTIFY failed): end the presence subscription. */
	void onGone(Consumer<SipSubscription> action) {
		this.onGone = action;
	}

	/**
	 * Known to requests in its dialog only: done before its 200 goes, so that a refresh sent the moment the 200
	 * arrives finds it; {@link #register} (after the 200) adds it to the presentity's watchers.
	 */
	void registerDialog(SipSubscription s) {
		byDialog.put(s.dialog.key(), s);
	}

	void register(SipSubscription s) {
		byDialog.put(s.dialog.key(), s);
		if (s.isWinfo()) {
			winfo.computeIfAbsent(s.presentity, p -> ConcurrentHashMap.newKeySet()).add(s);
		}
		else if (!s.isStandIn()) {
			byPresence.put(s.presenceId(), s);
		}
	}

	SipSubscription byDialog(String key) {
		return byDialog.get(key);
	}

	int count() {
		return byDialog.size();
	}

	/** Queues a state (or the end) for a subscription and schedules its NOTIFY. */
	void offer(SipSubscription s, PresenceDocument document, String terminate) {
		long delay = s.offer(document, terminate, clock.millis(), intervalMillis);
		if (delay >= 0) {
			scheduler.schedule(() -> drain(s), delay);
		}
	}

	@Override
	public void notify(Subscription subscription, PresenceDocument document) {
		SipSubscription s = byPresence.get(subscription.id());
		if (s != null) {
			offer(s, document, null);
		}
	}

	@Override
	public void terminated(Subscription subscription) {
		SipSubscription s = byPresence.get(subscription.id());
		if (s != null && subscription.state() instanceof SubscriptionState.Terminated t) {
			offer(s, null, t.reason().token());
		}
	}

	@Override
	public void watcherChanged(PresentityId presentity, WatcherInfo info) {
		for (SipSubscription s : winfo.getOrDefault(presentity, Set.of())) {
			s.watcherChanged(info);
			offer(s, null, null);
		}
	}

	/** Ends the subscriptions the adapter keeps alone (winfo, stand-ins) that were not refreshed in time. */
	void expireLocal(long now) {
		byDialog.values().stream().filter(s -> s.isLocal() && !s.isClosed() && s.expiresAtMillis() <= now)
			.forEach(s -> offer(s, null, "timeout"));
	}

	/**
	 * At shutdown: a final NOTIFY {@code terminated;reason=deactivated} to every subscriber (RFC 6665: it may
	 * subscribe again at once, to the next instance), sent on the caller's thread until the deadline.
	 */
	int deactivateAll(long deadlineMillis) {
		int sent = 0;
		for (SipSubscription s : List.copyOf(byDialog.values())) {
			if (clock.millis() > deadlineMillis) {
				break;
			}
			s.offer(null, TerminationReason.DEACTIVATED.token(), clock.millis(), intervalMillis);
			drain(s);
			sent++;
		}
		return sent;
	}

	void drain(SipSubscription s) {
		synchronized (s.sendLock) {
			if (suspended) {
				return;
			}
			long now = clock.millis();
			SipSubscription.Outgoing out = s.take(now);
			if (out == null) {
				return;
			}
			NotifyWriter.Notify n = writer.write(s, out, now);
			keep(s, out.terminal());
			s.dialog.notify(n.headers(), n.contentType(), n.body(), status -> answered(s, status, out.terminal()));
		}
	}

	/**
	 * Before a NOTIFY: a final one deletes the stored subscription; otherwise the CSeq block is raised when half
	 * of it is used (the write lands long before the other half could be), and a changed state is stored.
	 */
	private void keep(SipSubscription s, boolean terminal) {
		if (terminal) {
			store.delete(s.dialog.key());
			return;
		}
		long next = s.dialog.state().nextCSeq();
		boolean raise = next + DialogOpener.CSEQ_BLOCK / 2 >= s.cseqReserved();
		if (raise) {
			s.reserve(next + DialogOpener.CSEQ_BLOCK);
		}
		if (raise || !s.stateName().equals(s.storedState())) {
			persist(s);
		}
	}

	private void answered(SipSubscription s, int status, boolean terminal) {
		if (suspended) {
			return;
		}
		if (terminal) {
			forget(s);
		}
		else if (status < 300) {
			long delay = s.answered(clock.millis(), intervalMillis);
			if (delay >= 0) {
				scheduler.schedule(() -> drain(s), delay);
			}
		}
		else if (status == 481 || status >= 300) {
			log.debug("NOTIFY in {} answered {}: subscription ends", s.dialog.key(), status);
			s.close();
			forget(s);
			store.delete(s.dialog.key());
			onGone.accept(s);
		}
	}

	void forget(SipSubscription s) {
		byDialog.remove(s.dialog.key(), s);
		if (s.isWinfo()) {
			winfo.computeIfPresent(s.presentity, (p, set) -> {
				set.remove(s);
				return set.isEmpty() ? null : set;
			});
		}
		else if (!s.isStandIn()) {
			byPresence.remove(s.presenceId(), s);
		}
		s.dialog.close();
	}
}
