package dev.parley.sip.jain;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.sip.SipDialog;

/** A subscription dialog on the JAIN stack: NOTIFYs go out through it with growing CSeq. */
final class JainDialog implements SipDialog {

	private static final Logger log = LoggerFactory.getLogger(JainDialog.class);

	private final JainSipTransport transport;

	private final Dialog dialog;

	private final String key;

	JainDialog(JainSipTransport transport, Dialog dialog, String key) {
		this.transport = transport;
		this.dialog = dialog;
		this.key = key;
	}

	@Override
	public String key() {
		return key;
	}

	@Override
	public void notify(List<Map.Entry<String, String>> headers, String contentType, byte[] body, IntConsumer onFinal) {
		try {
			Request notify = dialog.createRequest(Request.NOTIFY);
			JainMessages.addHeaders(notify, transport.headers(), headers);
			JainMessages.setBody(notify, transport.headers(), contentType, body);
			ClientTransaction ct = transport.provider().getNewClientTransaction(notify);
			ct.setApplicationData(onFinal);
			dialog.sendRequest(ct);
		}
		catch (Exception e) {
			log.debug("NOTIFY in {} not sent: {}", key, e.toString());
			onFinal.accept(408);
		}
	}

	@Override
	public void close() {
		try {
			dialog.delete();
		}
		catch (RuntimeException e) {
			log.debug("dialog {} not deleted: {}", key, e.toString());
		}
	}
}
