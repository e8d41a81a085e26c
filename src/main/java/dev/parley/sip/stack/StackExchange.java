package dev.parley.sip.stack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.sip.SipDialog;
import dev.parley.sip.SipDialogState;
import dev.parley.sip.SipExchange;
import dev.parley.sip.SipRequest;
import dev.parley.sip.SipResponse;

/**
 * One received request and its server transaction. A response is encoded once (RFC 3261 s8.2.6: Via, From,
 * To with a tag, Call-ID and CSeq copied from the request; {@code received} and {@code rport} filled in on
 * the top Via, RFC 3581) and kept by the transaction for retransmissions of the request.
 */
final class StackExchange implements SipExchange {

	private final ParleySipTransport transport;

	private final NonInviteServerTransactions.ServerTransaction transaction;

	private final SipMessage message;

	private final InetSocketAddress source;

	private final SipRequest request;

	private final AtomicBoolean answered = new AtomicBoolean();

	StackExchange(ParleySipTransport transport, NonInviteServerTransactions.ServerTransaction transaction, SipMessage message,
			InetSocketAddress source, SipRequest request) {
		this.transport = transport;
		this.transaction = transaction;
		this.message = message;
		this.source = source;
		this.request = request;
	}

	@Override
	public SipRequest request() {
		return request;
	}

	@Override
	public void respond(SipResponse response) {
		if (answered.compareAndSet(false, true)) {
			transport.answer(transaction, encode(response, Long.toHexString(ThreadLocalRandom.current().nextLong()), null));
		}
	}

	@Override
	public SipDialog respondWithDialog(SipResponse response, SipDialogState state) {
		if (!answered.compareAndSet(false, true)) {
			throw new IllegalStateException("answered already");
		}
		transport.answer(transaction, encode(response, state.localTag(), transport.contact(request.transport())));
		return new StackDialog(transport, state);
	}

	private byte[] encode(SipResponse response, String tag, String contact) {
		StringBuilder b = new StringBuilder(384 + response.body().length);
		String reason = response.reason().isEmpty() ? Reasons.of(response.status()) : response.reason();
		b.append("SIP/2.0 ").append(response.status()).append(' ').append(reason).append("\r\n");
		List<String> vias = message.all("Via");
		for (int i = 0; i < vias.size(); i++) {
			b.append("Via: ").append(i == 0 ? topViaWithSource(vias.get(0)) : vias.get(i)).append("\r\n");
		}
		line(b, "From", message.first("From"));
		String to = message.first("To");
		if (to != null && response.status() > 100 && Headers.param(to, "tag").isEmpty()) {
			to = to + ";tag=" + tag;
		}
		line(b, "To", to);
		line(b, "Call-ID", message.first("Call-ID"));
		line(b, "CSeq", message.first("CSeq"));
		if (contact != null) {
			b.append("Contact: ").append(contact).append("\r\n");
		}
		for (Map.Entry<String, String> h : response.headers()) {
			line(b, h.getKey(), h.getValue());
		}
		return Headers.finish(b, response.contentType(), response.body());
	}

	/** The top Via as received, with {@code received} when the sender's address differs and {@code rport} filled. */
	private String topViaWithSource(String line) {
		int comma = line.indexOf(',');
		String top = comma < 0 ? line : line.substring(0, comma);
		String rest = comma < 0 ? "" : line.substring(comma);
		Via via = Via.top(top);
		String ip = source.getAddress().getHostAddress();
		StringBuilder b = new StringBuilder(top.length() + 40);
		String[] parts = top.split(";");
		b.append(parts[0].trim());
		for (int i = 1; i < parts.length; i++) {
			String p = parts[i].trim();
			String name = p.contains("=") ? p.substring(0, p.indexOf('=')).trim() : p;
			if (name.equalsIgnoreCase("rport") || name.equalsIgnoreCase("received")) {
				continue;
			}
			b.append(';').append(p);
		}
		if (via != null && !via.host().equals(ip) && !via.host().equals("[" + ip + "]")) {
			b.append(";received=").append(ip);
		}
		if (via != null && via.rport()) {
			b.append(";rport=").append(source.getPort());
		}
		return b + rest;
	}

	private static void line(StringBuilder b, String name, String value) {
		if (value != null) {
			b.append(name).append(": ").append(Headers.clean(value)).append("\r\n");
		}
	}
}
