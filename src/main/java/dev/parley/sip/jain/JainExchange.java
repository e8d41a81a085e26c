package dev.parley.sip.jain;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sip.ServerTransaction;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.sip.SipDialog;
import dev.parley.sip.SipDialogState;
import dev.parley.sip.SipExchange;
import dev.parley.sip.SipRequest;
import dev.parley.sip.SipResponse;

/** One request and its server transaction. */
final class JainExchange implements SipExchange {

	private static final Logger log = LoggerFactory.getLogger(JainExchange.class);

	private final JainSipTransport transport;

	private final ServerTransaction transaction;

	private final Request jain;

	private final SipRequest request;

	private final AtomicBoolean answered = new AtomicBoolean();

	JainExchange(JainSipTransport transport, ServerTransaction transaction, Request jain, SipRequest request) {
		this.transport = transport;
		this.transaction = transaction;
		this.jain = jain;
		this.request = request;
	}

	@Override
	public SipRequest request() {
		return request;
	}

	@Override
	public void respond(SipResponse response) {
		Response r = build(response, SipDialogState.newTag(), false);
		if (answered.compareAndSet(false, true)) {
			send(r);
		}
	}

	@Override
	public SipDialog respondWithDialog(SipResponse response, SipDialogState state) {
		if (!answered.compareAndSet(false, true)) {
			throw new IllegalStateException("answered already");
		}
		send(build(response, state.localTag(), true));
		return new JainDialog(transport, state);
	}

	private Response build(SipResponse response, String tag, boolean contact) {
		try {
			Response r = transport.messages().createResponse(response.status(), jain);
			if (!response.reason().isEmpty()) {
				r.setReasonPhrase(response.reason());
			}
			ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
			if (to.getTag() == null && response.status() > 100) {
				to.setTag(tag);
			}
			if (contact) {
				r.addHeader(transport.contact(request.transport()));
			}
			JainMessages.addHeaders(r, transport.headers(), response.headers());
			JainMessages.setBody(r, transport.headers(), response.contentType(), response.body());
			return r;
		}
		catch (java.text.ParseException | RuntimeException e) {
			log.warn("response {} not built: {}", response.status(), e.toString());
			if (response.status() == 500) {
				throw new IllegalStateException(e);
			}
			return build(SipResponse.of(500, "Server Internal Error"), tag, false);
		}
	}

	private void send(Response r) {
		try {
			transaction.sendResponse(r);
		}
		catch (javax.sip.SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
			log.debug("could not answer {} {}: {}", request.method(), request.callId(), e.toString());
		}
	}
}
