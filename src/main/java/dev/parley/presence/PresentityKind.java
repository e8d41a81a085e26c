package dev.parley.presence;

import java.util.Locale;

/** What a presentity stands for. The lower-case name is the prefix of its URI's user part. */
public enum PresentityKind {
	CUSTOMER, AGENT, QUEUE, GROUP, CENTER;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}

	static PresentityKind ofToken(String token) {
		for (PresentityKind kind : values()) {
			if (kind.token().equals(token)) {
				return kind;
			}
		}
		return null;
	}
}
