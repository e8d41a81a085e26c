package dev.parley.sip.stack;

import java.net.InetSocketAddress;

import dev.parley.sip.SipRequest;

/** What the stack checks of a request before Parley's handlers see it, and the record they see. */
final class Requests {

	private Requests() {
	}

	/** What makes a request unanswerable by the handler (RFC 3261 s8.1.1 mandatory headers), or null. */
	static String invalid(SipMessage m) {
		for (String name : new String[] { "From", "To", "Call-ID", "CSeq" }) {
			String value = m.first(name);
			if (value == null || value.isBlank()) {
				return "missing " + name;
			}
		}
		String[] cseq = m.first("CSeq").trim().split("\\s+");
		if (cseq.length != 2 || SipParser.parseLength(cseq[0]) < 0) {
			return "CSeq is not a number and a method";
		}
		if (!cseq[1].equals(m.method)) {
			return "CSeq method " + cseq[1] + " is not the request's " + m.method;
		}
		String maxForwards = m.first("Max-Forwards");
		if (maxForwards != null && (SipParser.parseLength(maxForwards) < 0 || SipParser.parseLength(maxForwards) > 255)) {
			return "Max-Forwards is not a number from 0 to 255";
		}
		if (Headers.uriOf(m.first("From")).isEmpty() || Headers.uriOf(m.first("To")).isEmpty()) {
			return "From or To has no URI";
		}
		return null;
	}

	static SipRequest toRequest(SipMessage m, InetSocketAddress source, String transportName) {
		SipUri uri = SipUri.parse(m.requestUri);
		String from = m.first("From");
		String to = m.first("To");
		String callId = m.first("Call-ID");
		return new SipRequest(m.method, m.requestUri, uri == null ? "" : uri.user(), uri == null ? "" : uri.host(),
				callId == null ? "" : callId, from == null ? "" : Headers.uriOf(from),
				to == null ? "" : Headers.param(to, "tag"), m.headers(), m.body, source.getAddress().getHostAddress(),
				transportName);
	}

}
