package dev.parley.sip;

import java.util.Locale;

/**
 * An Event header (RFC 6665 s8.2.1): the package and its optional {@code id}, which NOTIFYs repeat.
 * Parley serves {@code presence} (RFC 3856) and {@code presence.winfo} (RFC 3857).
 */
record SipEvent(String pkg, String id) {

	static final String PRESENCE = "presence";

	static final String WINFO = "presence.winfo";

	static final String ALLOW_EVENTS = PRESENCE + ", " + WINFO;

	/** The parsed header, or null when absent or empty. */
	static SipEvent parse(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String[] parts = header.split(";");
		String id = null;
		for (int i = 1; i < parts.length; i++) {
			String[] kv = parts[i].trim().split("=", 2);
			if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("id")) {
				id = kv[1].trim();
			}
		}
		return new SipEvent(parts[0].trim().toLowerCase(Locale.ROOT), id);
	}

	boolean isPresence() {
		return PRESENCE.equals(pkg);
	}

	boolean isWinfo() {
		return WINFO.equals(pkg);
	}

	boolean sameAs(SipEvent other) {
		return other != null && pkg.equals(other.pkg) && java.util.Objects.equals(id, other.id);
	}

	/** The header value for NOTIFYs of this subscription. */
	String header() {
		return id == null ? pkg : pkg + ";id=" + id;
	}
}
