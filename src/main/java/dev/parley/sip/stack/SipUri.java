package dev.parley.sip.stack;

import java.util.Locale;

/**
 * The parts of a SIP URI the stack routes by (RFC 3261 s19.1): user, host, port and the transport parameter.
 * Null from {@link #parse} for anything that is not a sip: URI with a host.
 */
record SipUri(String user, String host, int port, String transport) {

	static SipUri parse(String uri) {
		if (uri == null) {
			return null;
		}
		String u = uri.trim();
		String lower = u.toLowerCase(Locale.ROOT);
		int rest;
		if (lower.startsWith("sip:")) {
			rest = 4;
		}
		else if (lower.startsWith("sips:")) {
			rest = 5;
		}
		else {
			return null;
		}
		int paramsAt = indexOfAny(u, ";?", rest);
		String hostPart = u.substring(rest, paramsAt < 0 ? u.length() : paramsAt);
		String params = paramsAt < 0 ? "" : u.substring(paramsAt);
		String user = "";
		int at = hostPart.lastIndexOf('@');
		if (at >= 0) {
			user = hostPart.substring(0, at);
			int colon = user.indexOf(':');
			if (colon >= 0) {
				user = user.substring(0, colon); // a password, which nobody should send
			}
			hostPart = hostPart.substring(at + 1);
		}
		String host;
		int port = -1;
		if (hostPart.startsWith("[")) {
			int close = hostPart.indexOf(']');
			if (close < 0) {
				return null;
			}
			host = hostPart.substring(0, close + 1);
			if (close + 2 < hostPart.length() && hostPart.charAt(close + 1) == ':') {
				port = port(hostPart.substring(close + 2));
			}
		}
		else {
			int colon = hostPart.indexOf(':');
			host = colon < 0 ? hostPart : hostPart.substring(0, colon);
			if (colon >= 0) {
				port = port(hostPart.substring(colon + 1));
			}
		}
		if (host.isEmpty() || port == -2) {
			return null;
		}
		String transport = "";
		int q = params.indexOf('?');
		for (String p : (q < 0 ? params : params.substring(0, q)).split(";")) {
			int eq = p.indexOf('=');
			if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("transport")) {
				transport = p.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
			}
		}
		return new SipUri(user, host, port, transport);
	}

	/** The host without IPv6 brackets, for address lookup. */
	String bareHost() {
		return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
	}

	private static int port(String s) {
		long n = SipParser.parseLength(s);
		return n < 1 || n > 65535 ? -2 : (int) n;
	}

	private static int indexOfAny(String s, String chars, int from) {
		for (int i = from; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}
}
