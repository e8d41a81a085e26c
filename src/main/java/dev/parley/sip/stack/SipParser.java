package dev.parley.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads SIP messages (RFC 3261 s7 and s25): start line, header lines (folded lines joined, compact names
 * expanded), body by Content-Length. Lenient where the RFC asks for leniency (bare LF line ends, blank lines
 * before the start line), strict where a wrong reading would be worse than none. Returns null for what is not
 * a SIP message at all; a readable start line with broken headers comes back with its {@code problem} set.
 */
final class SipParser {

	private SipParser() {
	}

	/** Compact header forms (RFC 3261 s7.3.3 and the event, referral and session extensions). */
	static String expand(String name) {
		if (name.length() != 1) {
			return name;
		}
		return switch (Character.toLowerCase(name.charAt(0))) {
			case 'i' -> "Call-ID";
			case 'm' -> "Contact";
			case 'e' -> "Content-Encoding";
			case 'l' -> "Content-Length";
			case 'c' -> "Content-Type";
			case 'f' -> "From";
			case 's' -> "Subject";
			case 'k' -> "Supported";
			case 't' -> "To";
			case 'v' -> "Via";
			case 'o' -> "Event";
			case 'u' -> "Allow-Events";
			case 'r' -> "Refer-To";
			case 'b' -> "Referred-By";
			case 'x' -> "Session-Expires";
			default -> name;
		};
	}

	/** Where the header section of {@code data[from, to)} ends (the index after the empty line), or -1. */
	static int headerEnd(byte[] data, int from, int to) {
		for (int i = from; i < to; i++) {
			if (data[i] == '\n') {
				if (i + 1 < to && data[i + 1] == '\n') {
					return i + 2;
				}
				if (i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n') {
					return i + 3;
				}
			}
		}
		return -1;
	}

	/** Whether {@code data[from, to)} holds only CR and LF (a keep-alive, RFC 5626 s3.5.1). */
	static boolean onlyLineEnds(byte[] data, int from, int to) {
		for (int i = from; i < to; i++) {
			if (data[i] != '\r' && data[i] != '\n') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Parses one whole message (a datagram, or a frame cut from a stream by its Content-Length). Null when there
	 * is no readable start line.
	 */
	static SipMessage parse(byte[] data, int offset, int length) {
		int to = offset + length;
		int start = offset;
		while (start < to && (data[start] == '\r' || data[start] == '\n')) {
			start++;
		}
		int end = headerEnd(data, start, to);
		int headLength = (end < 0 ? to : end) - start;
		String head = new String(data, start, headLength, StandardCharsets.UTF_8);
		int lineEnd = head.indexOf('\n');
		String startLine = strip(lineEnd < 0 ? head : head.substring(0, lineEnd));
		String method = null;
		String uri = null;
		int status = 0;
		String reason = null;
		if (startLine.startsWith("SIP/2.0 ")) {
			if (startLine.length() < 11 || !digits(startLine, 8, 11)
					|| (startLine.length() > 11 && startLine.charAt(11) != ' ')) {
				return null;
			}
			status = Integer.parseInt(startLine.substring(8, 11));
			if (status < 100) {
				return null;
			}
			reason = startLine.length() > 12 ? startLine.substring(12) : "";
		}
		else {
			int s1 = startLine.indexOf(' ');
			int s2 = s1 < 0 ? -1 : startLine.indexOf(' ', s1 + 1);
			if (s1 <= 0 || s2 <= s1 + 1 || !startLine.substring(s2 + 1).equalsIgnoreCase("SIP/2.0")
					|| !token(startLine, 0, s1)) {
				return null;
			}
			method = startLine.substring(0, s1);
			uri = startLine.substring(s1 + 1, s2);
			if (uri.indexOf(':') <= 0) {
				return null;
			}
		}
		String[] names = new String[16];
		String[] values = new String[16];
		int count = 0;
		String problem = end < 0 ? "no empty line after the headers" : null;
		int pos = lineEnd < 0 ? head.length() : lineEnd + 1;
		while (pos < head.length()) {
			int nl = head.indexOf('\n', pos);
			String line = strip(head.substring(pos, nl < 0 ? head.length() : nl));
			pos = nl < 0 ? head.length() : nl + 1;
			if (line.isEmpty()) {
				break;
			}
			char first = line.charAt(0);
			if (first == ' ' || first == '\t') {
				if (count == 0) {
					problem = problem == null ? "a folded line before any header" : problem;
				}
				else {
					values[count - 1] = values[count - 1] + " " + line.trim();
				}
				continue;
			}
			int colon = line.indexOf(':');
			String name = colon <= 0 ? "" : line.substring(0, colon).trim();
			if (name.isEmpty() || !token(name, 0, name.length())) {
				problem = problem == null ? "a header line without a name: " + shorten(line) : problem;
				continue;
			}
			if (count == names.length) {
				names = Arrays.copyOf(names, count * 2);
				values = Arrays.copyOf(values, count * 2);
			}
			names[count] = expand(name);
			values[count] = line.substring(colon + 1).trim();
			count++;
		}
		int bodyStart = end < 0 ? to : end;
		int available = to - bodyStart;
		int bodyLength = available;
		SipMessage m0 = new SipMessage(method, uri, status, reason, names, values, count, null, problem);
		String cl = m0.first("Content-Length");
		if (cl != null) {
			long declared = parseLength(cl);
			if (declared < 0) {
				problem = problem == null ? "Content-Length is not a number" : problem;
			}
			else if (declared > available) {
				problem = problem == null ? "Content-Length " + declared + " is more than the " + available
						+ " bytes of body received" : problem;
			}
			else {
				bodyLength = (int) declared;
			}
		}
		byte[] body = bodyLength == 0 ? EMPTY : Arrays.copyOfRange(data, bodyStart, bodyStart + bodyLength);
		return new SipMessage(method, uri, status, reason, names, values, count, body, problem);
	}

	static final byte[] EMPTY = new byte[0];

	/** A response's status and its top Via's branch: all a client transaction needs to finish. */
	record ResponseHead(int status, String branch) {
	}

	/**
	 * The status and top-Via branch of a response, read without building the whole message (every NOTIFY's answer
	 * passes here); null when this is not a plain response (then {@link #parse} decides).
	 */
	static ResponseHead responseHead(byte[] data, int length) {
		if (length < 14 || data[0] != 'S' || data[1] != 'I' || data[2] != 'P' || data[3] != '/' || data[4] != '2'
				|| data[5] != '.' || data[6] != '0' || data[7] != ' ') {
			return null;
		}
		int status = 0;
		for (int i = 8; i < 11; i++) {
			if (data[i] < '0' || data[i] > '9') {
				return null;
			}
			status = status * 10 + (data[i] - '0');
		}
		int line = next(data, 0, length);
		while (line > 0 && line < length && data[line] != '\r' && data[line] != '\n') {
			int end = next(data, line, length);
			if (end < 0) {
				return null;
			}
			if (isVia(data, line, end)) {
				if (end < length && (data[end] == ' ' || data[end] == '\t')) {
					return null; // folded: leave it to the full parser
				}
				int colon = line;
				while (data[colon] != ':') {
					colon++;
				}
				Via via = Via.top(new String(data, colon + 1, end - colon - 1, StandardCharsets.UTF_8).trim());
				return via == null || status < 100 ? null : new ResponseHead(status, via.branch());
			}
			line = end;
		}
		return null;
	}

	/** The index after the line end that follows {@code from}, or -1. */
	private static int next(byte[] data, int from, int length) {
		for (int i = from; i < length; i++) {
			if (data[i] == '\n') {
				return i + 1;
			}
		}
		return -1;
	}

	/** Whether a header line is a Via ("Via:" or the compact "v:", any case, spaces before the colon). */
	private static boolean isVia(byte[] data, int from, int to) {
		int i = from;
		if (to - from > 3 && (data[i] | 0x20) == 'v' && (data[i + 1] | 0x20) == 'i' && (data[i + 2] | 0x20) == 'a') {
			i += 3;
		}
		else if (to - from > 1 && (data[i] | 0x20) == 'v') {
			i += 1;
		}
		else {
			return false;
		}
		while (i < to && (data[i] == ' ' || data[i] == '\t')) {
			i++;
		}
		return i < to && data[i] == ':';
	}

	/** A Content-Length value, or -1 when it is not a plain decimal. */
	static long parseLength(String value) {
		String v = value.trim();
		if (v.isEmpty() || v.length() > 9) {
			return -1;
		}
		long n = 0;
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	private static String strip(String line) {
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

	private static boolean digits(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/** RFC 3261 token characters. */
	static boolean token(String s, int from, int to) {
		if (from >= to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-.!%*_+`'~".indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static String shorten(String line) {
		String s = line.length() > 40 ? line.substring(0, 40) + "..." : line;
		return s.replaceAll("[^\\x20-\\x7e]", "?");
	}
}
