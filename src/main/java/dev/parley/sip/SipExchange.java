package dev.parley.sip;

/**
 * One received request and the means to answer it (a server transaction underneath). Answer exactly once;
 * a transport may be called from any thread.
 */
public interface SipExchange {

	SipRequest request();

	/** Sends the final response. */
	void respond(SipResponse response);

	/**
	 * Sends a 2xx that creates a dialog (SUBSCRIBE, RFC 6665 s4.2.1) with the state Parley chose (its local
	 * tag, unguessable, so the dialog's key can serve as the subscription's handle) and returns the dialog.
	 */
	SipDialog respondWithDialog(SipResponse response, SipDialogState state);
}
