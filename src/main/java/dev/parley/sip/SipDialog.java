package dev.parley.sip;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A dialog this side holds as notifier: made with {@link SipExchange#respondWithDialog} or, after a restart,
 * re-made from its stored state with {@link SipTransport#dialog}. The notifier's way back to a subscriber.
 */
public interface SipDialog {

	/** Call-ID and local tag, as {@link SipRequest#dialogKey()} computes them for later requests in it. */
	String key();

	/** The dialog's state now, with the CSeq the next NOTIFY will carry. */
	SipDialogState state();

	/**
	 * Sends a NOTIFY in this dialog (CSeq grows with each) with the given headers and body;
	 * {@code onFinal} gets the final status, or 408 when it timed out or could not be sent.
	 */
	void notify(List<Map.Entry<String, String>> headers, String contentType, byte[] body, IntConsumer onFinal);

	/** Forgets the dialog (the subscription in it ended). */
	void close();
}
