package dev.parley.sip;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.identity.AccountId;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.Presence;
import dev.parley.presence.PresentityId;
import dev.parley.presence.SubscribeResult;
import dev.parley.presence.Watcher;
import dev.parley.presence.WatcherClass;
import dev.parley.sip.internal.SipStateStore;
import dev.parley.sip.internal.StoredPublication;
import dev.parley.sip.internal.StoredSubscription;

/**
 * At start-up, before requests are served: the stored publications come back under their entity tags (their
 * tuples published again), and every stored subscription that has not expired is made again: the presence
 * subscription through {@link Presence#resume} (same watcher, same expiry, today's rules; refused or unknown:
 * the stand-in, as for a new SUBSCRIBE), its dialog re-made from the stored state with the CSeq past anything
 * sent, and a NOTIFY with the current state. Expired ones are deleted without a word.
 */
final class SipRecovery {

	private static final Logger log = LoggerFactory.getLogger(SipRecovery.class);

	record Recovered(int subscriptions, int publications, int dropped) {
	}

	private final SipStateStore store;

	private final Function<SipDialogState, SipDialog> dialogs;

	private final Presence presence;

	private final Predicate<PresentityId> known;

	private final SipNotifier notifier;

	private final Publications publications;

	private final Clock clock;

	private final SipPrincipals principals;

	SipRecovery(SipStateStore store, Function<SipDialogState, SipDialog> dialogs, Presence presence,
			Predicate<PresentityId> known, SipNotifier notifier, Publications publications, Clock clock,
			SipPrincipals principals) {
		this.principals = principals;
		this.store = store;
		this.dialogs = dialogs;
		this.presence = presence;
		this.known = known;
		this.notifier = notifier;
		this.publications = publications;
		this.clock = clock;
	}

	Recovered recover() {
		long now = clock.millis();
		int dropped = 0;
		int pubs = 0;
		for (StoredPublication p : store.publications()) {
			if (p.expiresAt().toEpochMilli() <= now || !restored(p)) {
				store.deletePublication(p.etag());
				dropped++;
			}
			else {
				pubs++;
			}
		}
		int subs = 0;
		for (StoredSubscription s : store.subscriptions()) {
			if (s.expiresAt().toEpochMilli() <= now || !resumed(s)) {
				store.delete(s.key());
				dropped++;
			}
			else {
				subs++;
			}
		}
		return new Recovered(subs, pubs, dropped);
	}

	private boolean restored(StoredPublication p) {
		try {
			publications.restore(p);
			return true;
		}
		catch (RuntimeException e) {
			log.warn("SIP publication {} not restored: {}", p.etag(), e.toString());
			return false;
		}
	}

	private boolean resumed(StoredSubscription s) {
		try {
			SipEvent event = new SipEvent(s.eventPackage(), s.eventId());
			SipPrincipals.Address address = principals.stored(s.presentity());
			PresentityId presentity = address.presentity();
			Watcher watcher = new Watcher(s.watcherUri(), WatcherClass.valueOf(s.watcherClass()));
			SipDialog dialog = dialogs.apply(s.dialog().withNextCSeq(s.cseqReserved()));
			if (event.isWinfo()) {
				presence.register(presentity);
				start(local(dialog, event, watcher, s, address), null);
			}
			else {
				presence(dialog, event, watcher, s, address);
			}
			return true;
		}
		catch (RuntimeException e) {
			log.warn("SIP subscription {} not recovered: {}", s.key(), e.toString());
			return false;
		}
	}

	private void presence(SipDialog dialog, SipEvent event, Watcher watcher, StoredSubscription s,
			SipPrincipals.Address address) {
		PresentityId presentity = address.presentity();
		if (address.isNobody()) {
			start(local(dialog, event, watcher, s, address), PresenceDocument.neutral(presentity));
			return;
		}
		if (!known.test(presentity) && watcher.watcherClass() == WatcherClass.SELF) {
			presence.register(presentity);
		}
		if (presence.resume(watcher, presentity, s.expiresAt()) instanceof SubscribeResult.Subscribed ok) {
			SipSubscription sub = new SipSubscription(dialog, event, watcher, new AccountId(s.account()), address,
					ok.subscription());
			start(sub, ok.document());
		}
		else {
			start(local(dialog, event, watcher, s, address), PresenceDocument.neutral(presentity));
		}
	}

	private static SipSubscription local(SipDialog dialog, SipEvent event, Watcher watcher, StoredSubscription s,
			SipPrincipals.Address address) {
		SipSubscription sub = new SipSubscription(dialog, event, watcher, new AccountId(s.account()), address, null);
		sub.expiresAt(s.expiresAt().toEpochMilli());
		return sub;
	}

	/** Registered with a fresh CSeq block (stored), then a NOTIFY with what the watcher sees now. */
	private void start(SipSubscription sub, PresenceDocument first) {
		sub.reserve(sub.dialog.state().nextCSeq() + DialogOpener.CSEQ_BLOCK);
		notifier.register(sub);
		notifier.persist(sub);
		synchronized (sub) {
			if (sub.isWinfo()) {
				sub.watchers(presence.watchers(sub.presentity));
				notifier.offer(sub, null, null);
			}
			else {
				notifier.offer(sub, first == null || sub.presence == null ? first : current(sub, first), null);
			}
		}
	}

	private PresenceDocument current(SipSubscription sub, PresenceDocument first) {
		return presence.fetch(sub.watcher, sub.presentity) instanceof dev.parley.presence.FetchResult.Fetched f
				&& sub.presence.state() instanceof dev.parley.presence.SubscriptionState.Active ? f.document() : first;
	}
}
