package dev.parley.presence;

import java.util.Set;

/** RFC 2778 CONTACT MEANS, with the URI schemes an address of that means may use. */
public enum ContactMeans {
	CHAT(Set.of("im", "xmpp")), SIP(Set.of("sip", "sips")), TEL(Set.of("tel")), MAILTO(Set.of("mailto")),
	VIDEO(Set.of("sip", "sips", "https"));

	private final Set<String> schemes;

	ContactMeans(Set<String> schemes) {
		this.schemes = schemes;
	}

	public boolean accepts(String scheme) {
		return schemes.contains(scheme);
	}

	/** The means an address's scheme says when nothing else does (sip is SIP, https is VIDEO). */
	public static ContactMeans ofScheme(String scheme) {
		for (ContactMeans means : values()) {
			if (means.accepts(scheme)) {
				return means;
			}
		}
		return null;
	}
}
