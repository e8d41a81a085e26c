package dev.parley.sip.stack;

import java.util.Locale;

/**
 * The topmost Via of a request (RFC 3261 s20.42, RFC 3581 rport): transport, sent-by host and port, branch,
 * and whether the sender asked for rport. Null from {@link #top} when it cannot be read; such a request
 * cannot be answered.
 */
record Via(String transport, String host, int port, String branch, boolean rport) {

	static final String MAGIC = "z9hG4bK";

	/** The first Via value of the first Via header line (a line may hold several, comma-separated). */
	static Via top(String headerValue) {
		if (headerValue == null) {
			return null;
		}
		String v = headerValue;
		int comma = v.indexOf(',');
		if (comma >= 0) {
			v = v.substring(0, comma);
		}
		int semi = v.indexOf(';');
		String protocolAndHost = (semi < 0 ? v : v.substring(0, semi)).trim();
		String params = semi < 0 ? "" : v.substring(semi + 1);
		// "SIP / 2.0 / UDP host:port": slashes may have spaces around them (rare: no regex unless needed)
		String compact = protocolAndHost.indexOf(' ') < protocolAndHost.lastIndexOf('/')
				? protocolAndHost.replaceAll("\\s*/\\s*", "/") : protocolAndHost;
		int space = compact.indexOf(' ');
		if (space < 0) {
			return null;
		}
		String[] protocol = compact.substring(0, space).split("/");
		if (protocol.length != 3 || !protocol[0].equalsIgnoreCase("SIP") || !protocol[1].equals("2.0")
				|| !SipParser.token(protocol[2], 0, protocol[2].length())) {
			return null;
		}
		String sentBy = compact.substring(space + 1).trim();
		String host;
		int port = -1;
		if (sentBy.startsWith("[")) {
			int close = sentBy.indexOf(']');
			if (close < 0) {
				return null;
			}
			host = sentBy.substring(0, close + 1);
			if (close + 1 < sentBy.length()) {
				if (sentBy.charAt(close + 1) != ':') {
					return null;
				}
				port = port(sentBy.substring(close + 2));
			}
		}
		else {
			int colon = sentBy.indexOf(':');
			host = colon < 0 ? sentBy : sentBy.substring(0, colon);
			if (colon >= 0) {
				port = port(sentBy.substring(colon + 1));
			}
		}
		if (host.isEmpty() || host.indexOf(' ') >= 0 || (port == -2)) {
			return null;
		}
		String branch = "";
		boolean rport = false;
		for (String p : params.split(";")) {
			String t = p.trim();
			int eq = t.indexOf('=');
			String name = (eq < 0 ? t : t.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
			if (name.equals("branch") && eq > 0) {
				branch = t.substring(eq + 1).trim();
			}
			else if (name.equals("rport")) {
				rport = true;
			}
		}
		return new Via(protocol[2].toUpperCase(Locale.ROOT), host, port, branch, rport);
	}

	/** A port, or -2 when it is not one. */
	private static int port(String s) {
		long n = SipParser.parseLength(s);
		return n < 1 || n > 65535 ? -2 : (int) n;
	}

	/** Whether the branch is an RFC 3261 one (the magic cookie), unique per transaction. */
	boolean rfc3261() {
		return branch.startsWith(MAGIC);
	}

	String sentBy() {
		return port < 0 ? host : host + ":" + port;
	}
}
