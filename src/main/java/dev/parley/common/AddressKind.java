package dev.parley.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * What kind of address a customer (or a presence tuple's contact, RFC 2778 CONTACT MEANS) gives: a phone
 * number, a SIP URI, an e-mail address, a chat handle or a video endpoint. What an address is <em>for</em> is
 * a {@link Medium}: {@link #media()} says which media an address of this kind can carry (a SIP address carries
 * voice and video). Column type {@code address_kind}, message keys {@code address-kind.<NAME>}.
 */
public enum AddressKind {

	PHONE(Set.of("tel"), EnumSet.of(Medium.VOICE)),
	SIP(Set.of("sip", "sips"), EnumSet.of(Medium.VOICE, Medium.VIDEO)),
	EMAIL(Set.of("mailto"), EnumSet.of(Medium.EMAIL)),
	CHAT(Set.of("im", "xmpp"), EnumSet.of(Medium.CHAT)),
	VIDEO(Set.of("sip", "sips", "https"), EnumSet.of(Medium.VIDEO));

	private final Set<String> schemes;
	private final Set<Medium> media;

	AddressKind(Set<String> schemes, Set<Medium> media) {
		this.schemes = schemes;
		this.media = media;
	}

	/** The media an address of this kind can carry. */
	public Set<Medium> media() {
		return EnumSet.copyOf(media);
	}

	public boolean carries(Medium medium) {
		return media.contains(medium);
	}

	/** Chat and video take place in the portal, so a customer's chat or video entry needs no address. */
	public boolean needsAddress() {
		return this == PHONE || this == SIP || this == EMAIL;
	}

	/** True when a URI of this scheme can be an address of this kind ({@code tel:} for PHONE, ...). */
	public boolean accepts(String scheme) {
		return schemes.contains(scheme);
	}

	/** The kind a URI's scheme says when nothing else does (sip is SIP, https is VIDEO); null if none. */
	public static AddressKind ofScheme(String scheme) {
		for (AddressKind kind : values()) {
			if (kind.accepts(scheme)) {
				return kind;
			}
		}
		return null;
	}
}
