package dev.parley.pidf;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.parley.common.InvalidInputException;
import dev.parley.presence.PresentityId;

/**
 * A presentity's URIs in Parley's domain ({@code parley.sip.domain}): {@code pres:<kind>-<key>@<domain>} (RFC 3859:
 * PIDF's {@code entity}, watcher information's {@code resource}, the API's JSON) and {@code sip:<kind>-<key>@<domain>}
 * (its SIP address of record). Reading takes {@code pres:}, {@code sip:} and {@code sips:} URIs whose user part is a
 * presentity's token, whatever their host: Parley does not check it, so a client set up with another name for the
 * server still reaches its presentities. Used by every adapter that writes or reads presentity URIs (pidf, sip, api).
 */
public final class PresentityUris {

	public static final String DEFAULT_DOMAIN = "parley.local";

	private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

	private static final Pattern URI = Pattern.compile("(?i:pres|sips?):([^@;:/?]+)@[A-Za-z0-9.-]+(:[0-9]{1,5})?");

	private final String domain;

	public PresentityUris(String domain) {
		String d = domain == null || domain.isBlank() ? DEFAULT_DOMAIN : domain.trim();
		if (!DOMAIN.matcher(d).matches()) {
			throw new IllegalArgumentException("parley.sip.domain must be a host name, not " + d);
		}
		this.domain = d;
	}

	public String domain() {
		return domain;
	}

	/** {@code pres:agent-<uuid>@<domain>}. */
	public String presUri(PresentityId presentity) {
		return "pres:" + presentity.userPart() + "@" + domain;
	}

	/** {@code sip:agent-<uuid>@<domain>}. */
	public String sipUri(PresentityId presentity) {
		return "sip:" + presentity.userPart() + "@" + domain;
	}

	/** The user part of a {@code pres:}, {@code sip:} or {@code sips:} URI (any host), or empty. */
	public static Optional<String> user(String uri) {
		var m = uri == null ? null : URI.matcher(uri.trim());
		return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

	/** The presentity a {@code pres:}, {@code sip:} or {@code sips:} URI names by its token, or empty. */
	public static Optional<PresentityId> parse(String uri) {
		return user(uri).flatMap(PresentityId::ofUserPart);
	}

	/**
	 * A presentity as the API takes it: its token ({@code customer-<uuid>}, {@code group-sales}) or a URI; anything
	 * else is invalid input naming {@code presentity}.
	 */
	public static PresentityId read(String tokenOrUri) {
		String text = tokenOrUri == null ? "" : tokenOrUri.strip();
		if (text.contains(":")) {
			return parse(text).orElseThrow(
					() -> InvalidInputException.of("presentity", "invalid", "is not a Parley presentity URI"));
		}
		return PresentityId.ofUserPart(text).orElseThrow(() -> InvalidInputException.of("presentity", "invalid",
				"must be <kind>-<key> (customer, agent, queue, group, center) or a pres: URI"));
	}
}
