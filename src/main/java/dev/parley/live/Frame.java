package dev.parley.live;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event as it goes on the wire ({@code event:}, {@code data:}, optionally {@code retry:}), encoded
 * once: an event sent to many connections (the center's figures, a message to every tab of an account) is the same
 * bytes for all of them. Line breaks in the data are flattened, so the data is one {@code data:} line. A frame without
 * an event name is a comment (a keep-alive).
 */
record Frame(String event, String data, byte[] bytes) {

	static final Frame KEEP_ALIVE = new Frame(null, null, ":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));

	static Frame of(String event, String data) {
		return of(event, data, -1);
	}

	/** With {@code retryMillis} at least 0, the browser waits that long before it reconnects after a cut. */
	static Frame of(String event, String data, long retryMillis) {
		String flat = data.replace("\r", "").replace('\n', ' ');
		StringBuilder s = new StringBuilder(event.length() + flat.length() + 32).append("event:").append(event)
			.append("\ndata:").append(flat).append('\n');
		if (retryMillis >= 0) {
			s.append("retry:").append(retryMillis).append('\n');
		}
		return new Frame(event, flat, s.append('\n').toString().getBytes(StandardCharsets.UTF_8));
	}

	boolean isKeepAlive() {
		return event == null;
	}
}
