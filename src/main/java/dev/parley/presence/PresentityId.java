package dev.parley.presence;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.common.InvalidInputException;

/**
 * The key of a PRESENTITY (RFC 2778): a kind and a key (an account UUID, a queue key, ...). On the
 * wire it is {@code pres:<kind>-<key>@<domain>} (RFC 3859) or the same user part with {@code sip:}.
 */
public record PresentityId(PresentityKind kind, String key) {

	public static final String DOMAIN = "parley.local";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final Pattern URI = Pattern.compile("(pres|sips?):([a-z]+)-([^@;]+)@[A-Za-z0-9.-]+");

	public PresentityId {
		Objects.requireNonNull(kind, "kind");
		if (key == null || !KEY.matcher(key).matches()) {
			throw InvalidInputException.of("presentity", "invalid",
					"key must be 1 to 64 letters, digits, '.', '_' or '-'");
		}
	}

	public static PresentityId customer(UUID account) {
		return new PresentityId(PresentityKind.CUSTOMER, account.toString());
	}

	public static PresentityId agent(UUID account) {
		return new PresentityId(PresentityKind.AGENT, account.toString());
	}

	public static PresentityId queue(String key) {
		return new PresentityId(PresentityKind.QUEUE, key);
	}

	public static PresentityId group(String key) {
		return new PresentityId(PresentityKind.GROUP, key);
	}

	public static PresentityId center(String key) {
		return new PresentityId(PresentityKind.CENTER, key);
	}

	/** {@code pres:agent-<uuid>@parley.local}, the value of PIDF's {@code entity} attribute. */
	public String presUri() {
		return "pres:" + userPart() + "@" + DOMAIN;
	}

	/** The same presentity as a SIP address of record in the given domain. */
	public String sipUri(String domain) {
		return "sip:" + userPart() + "@" + domain;
	}

	public String userPart() {
		return kind.token() + "-" + key;
	}

	/** Reads a {@code pres:}, {@code sip:} or {@code sips:} URI written by {@link #presUri()} or {@link #sipUri}. */
	public static PresentityId fromUri(String uri) {
		var m = uri == null ? null : URI.matcher(uri.trim());
		PresentityKind kind = m != null && m.matches() ? PresentityKind.ofToken(m.group(2)) : null;
		if (kind == null) {
			throw InvalidInputException.of("entity", "invalid", "is not a Parley presentity URI (pres:<kind>-<key>@<domain>)");
		}
		return new PresentityId(kind, m.group(3));
	}

	@Override
	public String toString() {
		return presUri();
	}
}
