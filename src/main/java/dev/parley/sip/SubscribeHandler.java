package dev.parley.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import dev.parley.common.NotFoundException;
import dev.parley.identity.Account;
import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.WatcherInfoCodec;
import dev.parley.presence.FetchResult;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceSettings;
import dev.parley.presence.PresentityId;
import dev.parley.presence.SubscribeResult;
import dev.parley.presence.Subscription;
import dev.parley.presence.SubscriptionState;
import dev.parley.presence.Watcher;
import dev.parley.presence.Watchers;

/**
 * SUBSCRIBE for {@code presence} (RFC 3856) and {@code presence.winfo} (RFC 3857) with RFC 6665's rules:
 * 489 for another package, 423 under the minimum, 406 when the watcher accepts no body we write, 401/403 for
 * the watcher's credentials, 200 then a NOTIFY at once, Expires 0
 * a fetch (one NOTIFY, terminated;reason=timeout), refresh and un-SUBSCRIBE in the dialog, 481 for unknown ones.
 * A presentity that does not exist and one whose rules refuse the watcher get the same answer as one that waits
 * for approval: 200 and NOTIFY pending with the neutral document (a Request-URI that cannot name a presentity: 404).
 */
final class SubscribeHandler {

	private final Presence presence;

	/** Whether a presentity exists, making it known to the presence service on first use. */
	private final Predicate<PresentityId> known;

	private final SipNotifier notifier;

	private final DigestAuthenticator authenticator;

	private final PresenceSettings limits;

	private final Clock clock;

	private final WinfoSubscriptions winfo;

	private final SubscriptionRefresh refresh;

	private final DialogOpener opener;

	private final SipPrincipals principals;

	SubscribeHandler(Presence presence, Predicate<PresentityId> known, SipNotifier notifier,
			DigestAuthenticator authenticator, PresenceSettings limits, Clock clock, SipPrincipals principals) {
		this.principals = principals;
		this.presence = presence;
		this.known = known;
		this.notifier = notifier;
		this.authenticator = authenticator;
		this.limits = limits;
		this.clock = clock;
		this.opener = new DialogOpener(notifier.store());
		this.winfo = new WinfoSubscriptions(presence, notifier, opener, limits, clock);
		this.refresh = new SubscriptionRefresh(presence, notifier, authenticator, winfo, clock);
	}

	void handle(SipExchange exchange) {
		SipRequest request = exchange.request();
		SipEvent event = SipEvent.parse(request.header("Event"));
		if (event == null || !(event.isPresence() || event.isWinfo())) {
			exchange.respond(SipRequests.badEvent(SipEvent.ALLOW_EVENTS));
			return;
		}
		long expires = SipRequests.expires(request);
		if (expires == SipRequests.BAD) {
			exchange.respond(SipRequests.badRequest("Expires is not a number of seconds"));
			return;
		}
		if (expires > 0 && expires < limits.minExpires().toSeconds()) {
			exchange.respond(SipRequests.intervalTooBrief(limits.minExpires().toSeconds()));
			return;
		}
		if (request.inDialog()) {
			refresh.handle(exchange, event, expires);
			return;
		}
		String type = event.isWinfo() ? WatcherInfoCodec.MEDIA_TYPE : PidfCodec.MEDIA_TYPE;
		if (!SipRequests.accepts(request, type)) {
			exchange.respond(SipResponse.of(406, "Not Acceptable").with("Accept", type));
			return;
		}
		if (request.header("Contact") == null) {
			exchange.respond(SipRequests.badRequest("a SUBSCRIBE needs a Contact header"));
			return;
		}
		DigestAuthenticator.Outcome outcome = authenticator.authenticate(request);
		if (outcome instanceof DigestAuthenticator.Authenticated ok) {
			subscribe(exchange, event, expires, ok.account());
		}
		else {
			exchange.respond(((DigestAuthenticator.Refused) outcome).response());
		}
	}

	private void subscribe(SipExchange exchange, SipEvent event, long expires, Account account) {
		SipPrincipals.Address address = principals.address(exchange.request().requestUser(), account).orElse(null);
		if (address == null) {
			exchange.respond(SipRequests.notFound());
			return;
		}
		if (event.isWinfo()) {
			winfo.subscribe(exchange, event, expires, account, address);
			return;
		}
		PresentityId presentity = address.presentity();
		Watcher watcher = Watchers.forAccount(account, presentity);
		if (address.isNobody()) {
			standIn(exchange, event, expires, address, account, watcher);
			return;
		}
		if (!known.test(presentity) && Watchers.isOwn(account, presentity)) {
			presence.register(presentity); // a principal watching itself: its presentity exists from now on
		}
		Duration requested = expires < 0 ? null : Duration.ofSeconds(expires);
		SubscribeResult result = presence.subscribe(watcher, presentity, requested);
		if (result instanceof SubscribeResult.IntervalTooBrief brief) {
			exchange.respond(SipRequests.intervalTooBrief(brief.minExpires().toSeconds()));
		}
		else if (result instanceof SubscribeResult.Subscribed s) {
			accept(exchange, event, account, address, s);
		}
		else {
			standIn(exchange, event, expires, address, account, watcher);
		}
	}

	/**
	 * Unknown presentity, or one whose rules refuse this watcher: answered exactly like a subscription that
	 * waits for approval (200, then NOTIFY pending with the neutral document), RFC 3856 s6.6 and RFC 2779's
	 * polite blocking; the watcher cannot tell which. Lives in the adapter only, expires like any other.
	 */
	private void standIn(SipExchange exchange, SipEvent event, long expires, SipPrincipals.Address address,
			Account account, Watcher watcher) {
		PresentityId presentity = address.presentity();
		long seconds = Math.min(expires < 0 ? limits.defaultExpires().toSeconds() : expires, limits.maxExpires().toSeconds());
		SipResponse ok = SipResponse.of(200, "OK").with("Expires", Long.toString(seconds));
		SipSubscription sub = opener.prepare(exchange, event, watcher, account.id(), address, null);
		sub.expiresAt(clock.millis() + seconds * 1000);
		PresenceDocument neutral = PresenceDocument.neutral(presentity);
		if (seconds == 0) {
			opener.answer(exchange, ok, sub);
			notifier.offer(sub, neutral, "timeout");
			return;
		}
		opener.open(exchange, ok, sub, () -> notifier.registerDialog(sub), () -> {
			notifier.register(sub);
			notifier.offer(sub, neutral, null);
		}, () -> {
		});
	}

	private void accept(SipExchange exchange, SipEvent event, Account account, SipPrincipals.Address address,
			SubscribeResult.Subscribed s) {
		Subscription subscription = s.subscription();
		boolean fetch = subscription.state().isTerminated();
		long left = fetch ? 0 : Math.max(0, (subscription.expiresAt().toEpochMilli() - clock.millis() + 999) / 1000);
		SipResponse ok = SipResponse.of(200, "OK").with("Expires", Long.toString(left));
		SipSubscription sub = opener.prepare(exchange, event, subscription.watcher(), account.id(), address,
				subscription);
		if (fetch) {
			opener.answer(exchange, ok, sub);
			notifier.offer(sub, s.document(), "timeout");
			return;
		}
		opener.open(exchange, ok, sub, () -> notifier.registerDialog(sub), () -> started(sub, s.document()),
				() -> end(subscription));
	}

	/** Registered, then the first NOTIFY with what the watcher sees now (a change meanwhile reached no one). */
	void started(SipSubscription sub, PresenceDocument first) {
		notifier.register(sub);
		synchronized (sub) {
			notifier.offer(sub, current(sub, first), null);
		}
		if (sub.presence.state() instanceof SubscriptionState.Terminated t) {
			notifier.offer(sub, null, t.reason().token());
		}
	}

	private void end(Subscription subscription) {
		try {
			presence.unsubscribe(subscription.watcher(), subscription.id());
		}
		catch (NotFoundException e) {
			// ended meanwhile
		}
	}

	private PresenceDocument current(SipSubscription sub, PresenceDocument first) {
		if (!(sub.presence.state() instanceof SubscriptionState.Active)) {
			return first;
		}
		return presence.fetch(sub.watcher, sub.presentity) instanceof FetchResult.Fetched f ? f.document() : first;
	}
}
