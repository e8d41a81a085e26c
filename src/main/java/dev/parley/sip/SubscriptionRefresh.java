package dev.parley.sip;

import java.time.Duration;

import dev.parley.presence.Presence;
import dev.parley.presence.SubscribeResult;

/**
 * A SUBSCRIBE inside an existing dialog (RFC 6665 s4.2.1.2): a refresh, or with Expires 0 the end. The
 * dialog (Call-ID and Parley's 128-bit random tag) identifies the subscriber; when the request carries
 * credentials anyway they must be valid and the same account's. Unknown dialog or a subscription that has
 * ended: 481. The 200 of a refresh goes once its new expiry is stored (500 with Retry-After when it cannot be).
 */
final class SubscriptionRefresh {

	private final Presence presence;

	private final SipNotifier notifier;

	private final DigestAuthenticator authenticator;

	private final WinfoSubscriptions winfo;

	private final java.time.Clock clock;

	SubscriptionRefresh(Presence presence, SipNotifier notifier, DigestAuthenticator authenticator,
			WinfoSubscriptions winfo, java.time.Clock clock) {
		this.clock = clock;
		this.presence = presence;
		this.notifier = notifier;
		this.authenticator = authenticator;
		this.winfo = winfo;
	}

	void handle(SipExchange exchange, SipEvent event, long expires) {
		SipRequest request = exchange.request();
		SipSubscription sub = notifier.byDialog(request.dialogKey());
		if (sub == null || sub.isClosed()) {
			exchange.respond(SipRequests.noSuchSubscription());
			return;
		}
		if (!sub.event.sameAs(event)) {
			exchange.respond(SipRequests.badEvent(sub.event.pkg()));
			return;
		}
		if (request.header("Authorization") != null
				&& !(authenticator.authenticate(request) instanceof DigestAuthenticator.Authenticated ok
						&& ok.account().id().equals(sub.account))) {
			exchange.respond(SipResponse.of(403, "Forbidden"));
			return;
		}
		if (sub.isLocal()) {
			winfo.refresh(exchange, sub, expires);
			return;
		}
		if (expires == 0) {
			exchange.respond(SipResponse.of(200, "OK").with("Expires", "0"));
			presence.refresh(sub.watcher, sub.presenceId(), Duration.ZERO);
			return;
		}
		SubscribeResult result = presence.refresh(sub.watcher, sub.presenceId(),
				expires < 0 ? null : Duration.ofSeconds(expires));
		if (result instanceof SubscribeResult.Subscribed s) {
			long left = Math.max(0, (s.subscription().expiresAt().toEpochMilli() - clock.millis() + 999) / 1000);
			notifier.persistRefresh(sub, stored -> {
				if (stored) {
					exchange.respond(SipResponse.of(200, "OK").with("Expires", Long.toString(left)));
					notifier.offer(sub, s.document(), null);
				}
				else {
					exchange.respond(SipRequests.notStored());
				}
			});
		}
		else if (result instanceof SubscribeResult.IntervalTooBrief brief) {
			exchange.respond(SipRequests.intervalTooBrief(brief.minExpires().toSeconds()));
		}
		else {
			exchange.respond(SipRequests.noSuchSubscription());
		}
	}
}
