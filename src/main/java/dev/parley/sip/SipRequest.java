package dev.parley.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SIP request as the adapter sees it, free of any stack's types. Header names are matched without regard
 * to case (the transport expands compact forms); {@code requestUser} and {@code requestHost} come from the
 * Request-URI; {@code toTag} is empty outside a dialog; {@code source} is the sender's IP address.
 */
public record SipRequest(String method, String requestUri, String requestUser, String requestHost, String callId,
		String fromUri, String toTag, Map<String, List<String>> headers, byte[] body, String source,
		String transport) {

	public SipRequest {
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (headers != null) {
			headers.forEach((k, v) -> copy.merge(k, List.copyOf(v), (a, b) -> {
				var all = new java.util.ArrayList<>(a);
				all.addAll(b);
				return List.copyOf(all);
			}));
		}
		headers = java.util.Collections.unmodifiableMap(copy);
		body = body == null ? new byte[0] : body;
		toTag = toTag == null ? "" : toTag;
		requestUser = requestUser == null ? "" : requestUser;
	}

	/** The first value of a header, or null. */
	public String header(String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? null : values.get(0).trim();
	}

	/** Every value of a header, comma-separated lists split. */
	public List<String> headerValues(String name) {
		return headers.getOrDefault(name, List.of()).stream()
			.flatMap(v -> java.util.Arrays.stream(v.split(",")))
			.map(String::trim)
			.filter(v -> !v.isEmpty())
			.toList();
	}

	public boolean inDialog() {
		return !toTag.isEmpty();
	}

	/** The key of the dialog an in-dialog request belongs to: Call-ID and our (the To) tag. */
	public String dialogKey() {
		return dialogKey(callId, toTag);
	}

	public static String dialogKey(String callId, String localTag) {
		return callId + ";" + localTag;
	}

	public boolean hasBody() {
		return body.length > 0;
	}

	public String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}

	/** The media type of the body without parameters, lower case; null when there is none. */
	public String contentType() {
		String value = header("Content-Type");
		return value == null ? null : value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
	}

	/** The announced body length (Content-Length), or the body's own length when absent. */
	public long contentLength() {
		String value = header("Content-Length");
		try {
			return value == null ? body.length : Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
			return body.length;
		}
	}
}
