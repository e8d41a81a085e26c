package dev.parley.sip.jain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.sip.SipDialog;
import dev.parley.sip.SipDialogState;

/**
 * A subscription dialog held by Parley, not by the stack: each NOTIFY is built from the dialog's state
 * (Request-URI the remote target, Route from the route set, From with Parley's tag, To with the subscriber's,
 * the Call-ID, a growing CSeq) and sent in a client transaction of its own. The same works for a dialog made a
 * moment ago and for one stored before a restart.
 */
final class JainDialog implements SipDialog {

	private static final Logger log = LoggerFactory.getLogger(JainDialog.class);

	private final JainSipTransport transport;

	private final SipDialogState state;

	private final AtomicLong cseq;

	JainDialog(JainSipTransport transport, SipDialogState state) {
		this.transport = transport;
		this.state = state;
		this.cseq = new AtomicLong(state.nextCSeq());
	}

	@Override
	public String key() {
		return state.key();
	}

	@Override
	public SipDialogState state() {
		return state.withNextCSeq(cseq.get());
	}

	@Override
	public void notify(List<Map.Entry<String, String>> headers, String contentType, byte[] body, IntConsumer onFinal) {
		try {
			Request notify = request(Request.NOTIFY, cseq.getAndIncrement());
			JainMessages.addHeaders(notify, transport.headers(), headers);
			JainMessages.setBody(notify, transport.headers(), contentType, body);
			ClientTransaction ct = transport.provider().getNewClientTransaction(notify);
			ct.setApplicationData(onFinal);
			ct.sendRequest();
		}
		catch (Exception e) {
			log.debug("NOTIFY in {} not sent: {}", state.key(), e.toString());
			onFinal.accept(408);
		}
	}

	private Request request(String method, long number) throws Exception {
		HeaderFactory h = transport.headers();
		AddressFactory a = transport.addresses();
		Address from = a.createAddress(state.localUri());
		Address to = a.createAddress(state.remoteUri());
		List<ViaHeader> via = new ArrayList<>(List.of(h.createViaHeader(transport.address(), transport.port(),
				state.transport(), null)));
		Request r = transport.messages().createRequest(a.createURI(state.remoteTarget()), method,
				h.createCallIdHeader(state.callId()), h.createCSeqHeader(number, method),
				h.createFromHeader(from, state.localTag()),
				h.createToHeader(to, state.remoteTag().isEmpty() ? null : state.remoteTag()), via,
				h.createMaxForwardsHeader(70));
		for (String route : state.routeSet()) {
			r.addHeader(h.createRouteHeader(a.createAddress(SipDialogState.uriOf(route))));
		}
		r.addHeader(transport.contact(state.transport()));
		return r;
	}

	@Override
	public void close() {
		// the stack holds nothing for this dialog
	}
}
