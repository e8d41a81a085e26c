package dev.parley.sip;

import java.util.List;
import java.util.Locale;

/** Small checks shared by the SUBSCRIBE and PUBLISH handlers, each giving the protocol's own answer. */
final class SipRequests {

	/** An Expires value that is not a number of seconds. */
	static final long BAD = -2;

	private SipRequests() {
	}

	/** The Expires header in seconds, -1 when absent, {@link #BAD} when unreadable. */
	static long expires(SipRequest request) {
		String value = request.header("Expires");
		if (value == null) {
			return -1;
		}
		try {
			long seconds = Long.parseLong(value.trim());
			return seconds < 0 || seconds > 4_294_967_295L ? BAD : seconds;
		}
		catch (NumberFormatException e) {
			return BAD;
		}
	}

	/** Whether an Accept header (absent: yes, RFC 3856 s6.2 / RFC 3857) allows the media type. */
	static boolean accepts(SipRequest request, String mediaType) {
		List<String> values = request.headerValues("Accept");
		if (values.isEmpty()) {
			return true;
		}
		String family = mediaType.substring(0, mediaType.indexOf('/')) + "/*";
		return values.stream().map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
			.anyMatch(t -> t.equals(mediaType) || t.equals(family) || t.equals("*/*"));
	}

	static SipResponse badEvent(String allowed) {
		return SipResponse.of(489, "Bad Event").with("Allow-Events", allowed);
	}

	static SipResponse intervalTooBrief(long minSeconds) {
		return SipResponse.of(423, "Interval Too Brief").with("Min-Expires", Long.toString(minSeconds));
	}

	/** One answer for "no such presentity" and "you may not see it": nothing to tell them apart. */
	static SipResponse notFound() {
		return SipResponse.of(404, "Not Found");
	}

	static SipResponse noSuchSubscription() {
		return SipResponse.of(481, "Subscription Does Not Exist");
	}

	/** What a promise that could not be stored gets: try again shortly (nothing was kept). */
	static SipResponse notStored() {
		return SipResponse.of(500, "Server Internal Error").with("Retry-After", "5");
	}

	static SipResponse badRequest(String what) {
		return SipResponse.of(400, "Bad Request (" + clip(what) + ")");
	}

	/** Text from a request fit to quote in a header: letters, digits and {@code .-_} only, at most 64. */
	static String token(String text) {
		String t = text == null ? "" : text.replaceAll("[^A-Za-z0-9._-]", "");
		return t.length() <= 64 ? t : t.substring(0, 64);
	}

	private static String clip(String text) {
		String oneLine = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
		return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
	}
}
