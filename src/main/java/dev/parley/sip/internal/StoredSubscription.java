package dev.parley.sip.internal;

import java.time.Instant;
import java.util.UUID;

import dev.parley.sip.SipDialogState;

/**
 * A SIP subscription as kept in {@code sip_subscriptions}: its dialog (with {@code cseqReserved}: every CSeq
 * Parley sent in it is below it, so after a restart the next NOTIFY starts there), the event package and id,
 * the watcher (account, URI, class), the presentity (its {@code pres:} URI), when it expires, and the state
 * last sent ({@code active}, {@code pending}).
 */
public record StoredSubscription(SipDialogState dialog, long cseqReserved, String eventPackage, String eventId,
		UUID account, String watcherUri, String watcherClass, String presentity, Instant expiresAt, String state) {

	static final int MAX_CALL_ID = 400;

	static final int MAX_TAG = 128;

	static final int MAX_URI = 600;

	static final int MAX_ROUTES = 2000;

	public String key() {
		return dialog.key();
	}

	/** Whether every value fits its column (a client's headers can be long; such a dialog cannot be kept). */
	public boolean fits() {
		return dialog.callId().length() <= MAX_CALL_ID && dialog.localTag().length() <= MAX_TAG
				&& dialog.remoteTag().length() <= MAX_TAG && dialog.localUri().length() <= MAX_URI
				&& dialog.remoteUri().length() <= MAX_URI && dialog.remoteTarget().length() <= MAX_URI
				&& String.join("\n", dialog.routeSet()).length() <= MAX_ROUTES
				&& (eventId == null || eventId.length() <= 64) && dialog.transport().length() <= 8;
	}

	public StoredSubscription with(long reserved, Instant expires, String lastState) {
		return new StoredSubscription(dialog, reserved, eventPackage, eventId, account, watcherUri, watcherClass,
				presentity, expires, lastState);
	}
}
