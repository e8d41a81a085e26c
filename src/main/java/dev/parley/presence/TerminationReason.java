package dev.parley.presence;

import java.util.Locale;

/** Why a subscription ended: the RFC 6665 {@code Subscription-State} reasons. */
public enum TerminationReason {
	/** Moved or reset: the watcher may subscribe again at once. */
	DEACTIVATED,
	/** Temporarily ended: the watcher may subscribe again later. */
	PROBATION,
	/** Refused by the presentity's principal: do not subscribe again. */
	REJECTED,
	/** Expired without refresh, unsubscribed, or a one-off fetch. */
	TIMEOUT,
	/** The service gave up waiting for the principal's decision. */
	GIVEUP,
	/** The presentity is gone: do not subscribe again. */
	NORESOURCE;

	/** The token on the wire ({@code timeout}, {@code noresource}, ...). */
	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}
}
