package dev.parley.sip.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed SIP message (RFC 3261 s7): its start line, its header lines in order (names as received, compact
 * forms expanded), and its body. {@code problem} names what was wrong with a message whose start line could be
 * read (so a request can still be answered 400); a message without even that is never made.
 */
final class SipMessage {

	/** The request's method, or null for a response. */
	final String method;

	final String requestUri;

	final int status;

	final String reason;

	private final String[] names;

	private final String[] values;

	private final int count;

	final byte[] body;

	final String problem;

	SipMessage(String method, String requestUri, int status, String reason, String[] names, String[] values,
			int count, byte[] body, String problem) {
		this.method = method;
		this.requestUri = requestUri;
		this.status = status;
		this.reason = reason;
		this.names = names;
		this.values = values;
		this.count = count;
		this.body = body;
		this.problem = problem;
	}

	boolean isRequest() {
		return method != null;
	}

	/** The first value of a header (case-blind name), or null. */
	String first(String name) {
		for (int i = 0; i < count; i++) {
			if (names[i].equalsIgnoreCase(name)) {
				return values[i];
			}
		}
		return null;
	}

	/** Every line of a header, in order, each as received (not split at commas). */
	List<String> all(String name) {
		List<String> list = new ArrayList<>(2);
		for (int i = 0; i < count; i++) {
			if (names[i].equalsIgnoreCase(name)) {
				list.add(values[i]);
			}
		}
		return list;
	}

	/** The headers by name, in order of first appearance. */
	Map<String, List<String>> headers() {
		Map<String, List<String>> map = new LinkedHashMap<>(count * 2);
		for (int i = 0; i < count; i++) {
			map.computeIfAbsent(names[i], n -> new ArrayList<>(1)).add(values[i]);
		}
		return map;
	}
}
