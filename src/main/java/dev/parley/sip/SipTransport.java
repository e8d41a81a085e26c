package dev.parley.sip;

import java.time.Duration;

/**
 * Parley's SIP stack port: listens on the configured address, port and transports, hands every request to
 * the handler (on a pool thread: the handler may block briefly, it must answer each exchange once), and
 * absorbs retransmissions and transactions. Dialogs are Parley's ({@link SipDialogState}): the stack keeps
 * none, so a dialog stored before a restart works after it. Parley's own stack ({@code dev.parley.sip.stack})
 * implements it.
 */
public interface SipTransport {

	void start(SipRequestHandler handler);

	/** Stops listening; gives up waiting for the stack after {@code timeout}. */
	void stop(Duration timeout);

	/**
	 * A dialog from its state (one that was stored before a restart): NOTIFYs built from the Call-ID, tags,
	 * remote target, route set and CSeq alone. Usable once the transport is started.
	 */
	SipDialog dialog(SipDialogState state);

	/** The port it listens on once started (0 before). */
	int port();

	/** Handles one request. */
	@FunctionalInterface
	interface SipRequestHandler {
		void handle(SipExchange exchange);
	}
}
