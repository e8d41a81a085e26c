package dev.parley.sip;

import java.time.Duration;

/**
 * Parley's SIP stack port: listens on the configured address, port and transports, hands every request to
 * the handler (on a pool thread: the handler may block briefly, it must answer each exchange once), and
 * absorbs retransmissions, transactions and dialogs. {@code dev.parley.sip.jain} implements it on JAIN SIP.
 */
public interface SipTransport {

	void start(SipRequestHandler handler);

	/** Stops listening; gives up waiting for the stack after {@code timeout}. */
	void stop(Duration timeout);

	/** Handles one request. */
	@FunctionalInterface
	interface SipRequestHandler {
		void handle(SipExchange exchange);
	}
}
