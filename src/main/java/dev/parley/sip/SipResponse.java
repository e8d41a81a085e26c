package dev.parley.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A SIP response to send: status, reason phrase, extra headers in order, and an optional body. */
public record SipResponse(int status, String reason, List<Map.Entry<String, String>> headers, String contentType,
		byte[] body) {

	public SipResponse {
		reason = reason == null ? "" : reason.replaceAll("[\\r\\n\\t]+", " ").strip();
		headers = List.copyOf(headers == null ? List.of() : headers);
		body = body == null ? new byte[0] : body;
	}

	public static SipResponse of(int status, String reason) {
		return new SipResponse(status, reason, List.of(), null, null);
	}

	/** This response with one more header (several of one name are allowed). */
	public SipResponse with(String name, String value) {
		List<Map.Entry<String, String>> list = new ArrayList<>(headers);
		list.add(Map.entry(name, value));
		return new SipResponse(status, reason, list, contentType, body);
	}

	public SipResponse withBody(String type, byte[] content) {
		return new SipResponse(status, reason, headers, type, content);
	}

	/** The first value of an extra header, or null. */
	public String header(String name) {
		return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
			.orElse(null);
	}
}
