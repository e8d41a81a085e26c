package dev.parley.sip;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.parley.identity.AccountId;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Subscription;
import dev.parley.presence.Watcher;
import dev.parley.sip.internal.SipStateStore;

/**
 * Opens a subscription's dialog durably: the dialog's state is chosen first (Parley's tag), the subscription is
 * stored, and only then is the 200 sent and the subscription handed on; when it cannot be stored the SUBSCRIBE
 * gets 500 with Retry-After and nothing remains. A fetch (Expires 0) is answered at once: nothing to keep.
 */
final class DialogOpener {

	/** CSeqs are reserved in blocks of this many; a block is raised when half of it is used. */
	static final long CSEQ_BLOCK = 1000;

	private final SipStateStore store;

	DialogOpener(SipStateStore store) {
		this.store = store;
	}

	/** The subscription a SUBSCRIBE asks for, its dialog not yet answered. */
	SipSubscription prepare(SipExchange exchange, SipEvent event, Watcher watcher, AccountId account,
			SipPrincipals.Address address, Subscription presence) {
		var dialog = new Deferred(SipDialogState.uas(exchange.request(), SipDialogState.newTag()));
		SipSubscription s = new SipSubscription(dialog, event, watcher, account, address, presence);
		s.reserve(dialog.state.nextCSeq() + CSEQ_BLOCK);
		return s;
	}

	/** Answers a fetch: the dialog lives for one NOTIFY, nothing is stored. */
	void answer(SipExchange exchange, SipResponse ok, SipSubscription s) {
		Deferred dialog = (Deferred) s.dialog;
		dialog.open(exchange.respondWithDialog(ok, dialog.state));
	}

	/**
	 * Stores the subscription, then runs {@code register} (so that a request in the new dialog, sent the moment the 200
	 * arrives, finds it), answers {@code ok} and runs {@code opened}; or 500 with Retry-After and {@code failed}.
	 */
	void open(SipExchange exchange, SipResponse ok, SipSubscription s, Runnable register, Runnable opened,
			Runnable failed) {
		var row = s.stored();
		if (!row.fits()) {
			exchange.respond(SipRequests.badRequest("Call-ID, tags, Contact or Record-Route too long"));
			failed.run();
			return;
		}
		store.create(row, stored -> {
			if (stored) {
				register.run();
				answer(exchange, ok, s);
				opened.run();
			}
			else {
				exchange.respond(SipRequests.notStored());
				failed.run();
			}
		});
	}

	/** The dialog before its 200 went: known by its state; the transport's dialog once answered. */
	private static final class Deferred implements SipDialog {

		private final SipDialogState state;

		private volatile SipDialog open;

		Deferred(SipDialogState state) {
			this.state = state;
		}

		void open(SipDialog dialog) {
			this.open = dialog;
		}

		@Override
		public String key() {
			return state.key();
		}

		@Override
		public SipDialogState state() {
			SipDialog d = open;
			return d == null ? state : d.state();
		}

		@Override
		public void notify(List<Map.Entry<String, String>> headers, String contentType, byte[] body, IntConsumer onFinal) {
			SipDialog d = open;
			if (d == null) {
				onFinal.accept(408);
				return;
			}
			d.notify(headers, contentType, body, onFinal);
		}

		@Override
		public void close() {
			SipDialog d = open;
			if (d != null) {
				d.close();
			}
		}
	}
}
