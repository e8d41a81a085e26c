package dev.parley.sip.stack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import dev.parley.sip.SipDialog;
import dev.parley.sip.SipDialogState;

/**
 * A subscription dialog held by Parley, not by the stack: each NOTIFY is built from the dialog's state (RFC 3261
 * s12.2.1.1: Request-URI the remote target, Route from the route set, From with Parley's tag, To with the
 * subscriber's, the Call-ID, a growing CSeq) and goes in a client transaction of its own, to the first route
 * when there is a route set (loose routing) or else to the remote target.
 */
final class StackDialog implements SipDialog {

	private final ParleySipTransport transport;

	private final SipDialogState state;

	private final AtomicLong cseq;

	StackDialog(ParleySipTransport transport, SipDialogState state) {
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
		SipUri next = SipUri.parse(state.routeSet().isEmpty() ? state.remoteTarget()
				: Headers.uriOf(state.routeSet().get(0)));
		if (next == null) {
			onFinal.accept(416);
			return;
		}
		String via = next.transport().isEmpty() ? state.transport() : next.transport();
		String branch = transport.newBranch();
		StringBuilder b = new StringBuilder(512 + (body == null ? 0 : body.length));
		b.append("NOTIFY ").append(state.remoteTarget()).append(" SIP/2.0\r\n");
		b.append("Via: SIP/2.0/").append(via.toUpperCase(java.util.Locale.ROOT)).append(' ')
			.append(transport.sentBy()).append(";branch=").append(branch).append(";rport\r\n");
		b.append("Max-Forwards: 70\r\n");
		for (String route : state.routeSet()) {
			b.append("Route: ").append(route).append("\r\n");
		}
		b.append("From: <").append(state.localUri()).append(">;tag=").append(state.localTag()).append("\r\n");
		b.append("To: <").append(state.remoteUri()).append('>');
		if (!state.remoteTag().isEmpty()) {
			b.append(";tag=").append(state.remoteTag());
		}
		b.append("\r\nCall-ID: ").append(state.callId()).append("\r\n");
		b.append("CSeq: ").append(cseq.getAndIncrement()).append(" NOTIFY\r\n");
		b.append("Contact: ").append(transport.contact(via)).append("\r\n");
		for (Map.Entry<String, String> h : headers) {
			b.append(h.getKey()).append(": ").append(Headers.clean(h.getValue())).append("\r\n");
		}
		transport.request(branch, Headers.finish(b, contentType, body), next, via, onFinal);
	}

	@Override
	public void close() {
		// the stack holds nothing for this dialog
	}
}
