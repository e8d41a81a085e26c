package dev.parley.sip;

import java.time.Clock;

import dev.parley.identity.Account;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceSettings;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Watcher;
import dev.parley.presence.Watchers;

/**
 * {@code presence.winfo} subscriptions (RFC 3857): only the presentity's own principal may watch who watches
 * it (the visibility rule); anyone else gets the same 404 as for an unknown presentity. Every NOTIFY carries
 * the full watcher list, its version growing by one per NOTIFY (RFC 3858 s4.2).
 */
final class WinfoSubscriptions {

	private final Presence presence;

	private final SipNotifier notifier;

	private final PresenceSettings limits;

	private final Clock clock;

	private final DialogOpener opener;

	WinfoSubscriptions(Presence presence, SipNotifier notifier, DialogOpener opener, PresenceSettings limits, Clock clock) {
		this.presence = presence;
		this.notifier = notifier;
		this.opener = opener;
		this.limits = limits;
		this.clock = clock;
	}

	void subscribe(SipExchange exchange, SipEvent event, long expires, Account account, SipPrincipals.Address address) {
		PresentityId presentity = address.presentity();
		if (!Watchers.isOwn(account, presentity)) {
			exchange.respond(SipRequests.notFound());
			return;
		}
		long seconds = seconds(expires);
		presence.register(presentity);
		SipResponse ok = SipResponse.of(200, "OK").with("Expires", Long.toString(seconds));
		Watcher self = Watchers.forAccount(account, presentity);
		SipSubscription sub = opener.prepare(exchange, event, self, account.id(), SipPrincipals.Address.of(presentity), null);
		sub.expiresAt(clock.millis() + seconds * 1000);
		if (seconds == 0) {
			opener.answer(exchange, ok, sub);
			sub.watchers(presence.watchers(presentity));
			notifier.offer(sub, null, "timeout");
			return;
		}
		opener.open(exchange, ok, sub, () -> notifier.registerDialog(sub), () -> started(sub), () -> {
		});
	}

	/** Registered, then the first NOTIFY with the full watcher list. */
	void started(SipSubscription sub) {
		notifier.register(sub);
		synchronized (sub) {
			sub.watchers(presence.watchers(sub.presentity));
			notifier.offer(sub, null, null);
		}
	}

	/** Refreshes or ends a subscription the adapter keeps alone (winfo, or a stand-in). */
	void refresh(SipExchange exchange, SipSubscription sub, long expires) {
		long seconds = seconds(expires);
		SipResponse ok = SipResponse.of(200, "OK").with("Expires", Long.toString(seconds));
		if (seconds == 0) {
			exchange.respond(ok);
			notifier.offer(sub, null, "timeout");
			return;
		}
		sub.expiresAt(clock.millis() + seconds * 1000);
		notifier.persistRefresh(sub, stored -> {
			exchange.respond(stored ? ok : SipRequests.notStored());
			if (stored) {
				notifier.offer(sub, null, null);
			}
		});
	}

	private long seconds(long expires) {
		long requested = expires < 0 ? limits.defaultExpires().toSeconds() : expires;
		return Math.min(requested, limits.maxExpires().toSeconds());
	}
}
