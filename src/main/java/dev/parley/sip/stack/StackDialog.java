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

	/** The next hop: the first route when there is a route set (loose routing), else the remote target. */
	private final SipUri next;

	/** The transport NOTIFYs go over: the next hop's transport parameter, else the dialog's. */
	private final String via;

	/** The next hop's UDP address, once found. */
	private volatile Peer udp;

	private volatile String[] fixed;

	StackDialog(ParleySipTransport transport, SipDialogState state) {
		this.transport = transport;
		this.state = state;
		this.cseq = new AtomicLong(state.nextCSeq());
		this.next = SipUri.parse(state.routeSet().isEmpty() ? state.remoteTarget()
				: Headers.uriOf(state.routeSet().get(0)));
		this.via = next == null || next.transport().isEmpty() ? state.transport() : next.transport();
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
		if (next == null) {
			onFinal.accept(416);
			return;
		}
		Peer peer = udp;
		if (peer == null) {
			try {
				peer = transport.peerFor(next, via);
			}
			catch (java.io.IOException | RuntimeException e) {
				transport.deliver(onFinal, 503); // a transport error counts as 503 (RFC 3261 s8.1.3.1)
				return;
			}
			if (!peer.reliable()) {
				udp = peer; // the address stays; a TCP connection may not
			}
		}
		String[] fixed = parts();
		String branch = transport.newBranch();
		StringBuilder b = new StringBuilder(fixed[0].length() + fixed[1].length() + fixed[2].length() + 200
				+ (body == null ? 0 : body.length));
		b.append(fixed[0]).append(branch).append(fixed[1]).append(cseq.getAndIncrement()).append(fixed[2]);
		for (Map.Entry<String, String> h : headers) {
			b.append(h.getKey()).append(": ").append(Headers.clean(h.getValue())).append("\r\n");
		}
		transport.request(branch, Headers.finish(b, contentType, body), peer, onFinal);
	}

	/**
	 * What every NOTIFY of this dialog shares, in three pieces around the branch and the CSeq number: the request
	 * line and Via; Max-Forwards, Route, From, To and Call-ID; the CSeq method and Contact.
	 */
	private String[] parts() {
		String[] p = fixed;
		if (p == null) {
			StringBuilder head = new StringBuilder(256);
			head.append("NOTIFY ").append(state.remoteTarget()).append(" SIP/2.0\r\n");
			head.append("Via: SIP/2.0/").append(via.toUpperCase(java.util.Locale.ROOT)).append(' ')
				.append(transport.sentBy()).append(";branch=");
			StringBuilder middle = new StringBuilder(384);
			middle.append(";rport\r\nMax-Forwards: 70\r\n");
			for (String route : state.routeSet()) {
				middle.append("Route: ").append(route).append("\r\n");
			}
			middle.append("From: <").append(state.localUri()).append(">;tag=").append(state.localTag()).append("\r\n");
			middle.append("To: <").append(state.remoteUri()).append('>');
			if (!state.remoteTag().isEmpty()) {
				middle.append(";tag=").append(state.remoteTag());
			}
			middle.append("\r\nCall-ID: ").append(state.callId()).append("\r\nCSeq: ");
			String tail = " NOTIFY\r\nContact: " + transport.contact(via) + "\r\n";
			p = new String[] { head.toString(), middle.toString(), tail };
			fixed = p;
		}
		return p;
	}

	@Override
	public void close() {
		// the stack holds nothing for this dialog
	}
}
