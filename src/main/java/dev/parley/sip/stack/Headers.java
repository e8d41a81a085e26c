package dev.parley.sip.stack;

import java.nio.charset.StandardCharsets;

/** Small helpers for header values and for finishing an encoded message. */
final class Headers {

	private Headers() {
	}

	/** A header parameter after the address ({@code tag} of {@code <sip:a@b>;tag=1}), or "" when absent. */
	static String param(String value, String name) {
		if (value == null) {
			return "";
		}
		int gt = value.indexOf('>');
		int from = gt >= 0 ? gt + 1 : value.indexOf(';');
		if (from < 0) {
			return "";
		}
		for (String p : value.substring(from).split(";")) {
			int eq = p.indexOf('=');
			if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
				return p.substring(eq + 1).trim();
			}
		}
		return "";
	}

	/** The URI of a name-addr ({@code "x" <sip:a@b>;tag=1}) or addr-spec ({@code sip:a@b;tag=1}). */
	static String uriOf(String value) {
		int lt = value.indexOf('<');
		if (lt >= 0) {
			int gt = value.indexOf('>', lt);
			return value.substring(lt + 1, gt < 0 ? value.length() : gt).trim();
		}
		int semi = value.indexOf(';');
		return (semi < 0 ? value : value.substring(0, semi)).trim();
	}

	/** A value without line breaks (a header must not carry another one). */
	static String clean(String value) {
		if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return value.replaceAll("[\\r\\n]+", " ");
	}

	/** Content-Type (when there is a body), Content-Length, the empty line and the body, as bytes. */
	static byte[] finish(StringBuilder b, String contentType, byte[] body) {
		int length = body == null ? 0 : body.length;
		if (length > 0 && contentType != null) {
			b.append("Content-Type: ").append(clean(contentType)).append("\r\n");
		}
		b.append("Content-Length: ").append(length).append("\r\n\r\n");
		byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
		if (length == 0) {
			return head;
		}
		byte[] all = new byte[head.length + length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, length);
		return all;
	}
}
