package dev.parley.presence;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.parley.common.AddressKind;
import dev.parley.common.Violations;

/**
 * RFC 2778 COMMUNICATION ADDRESS: a contact means and a contact address (a URI), with an optional
 * priority between 0 and 1 in steps of 0.001 (PIDF's qvalue), {@code null} when not given.
 */
public record Contact(AddressKind means, String address, Double priority) {

	private static final Pattern URI = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):\\S+");

	public Contact {
		var v = new Violations().check(means == null, "contact.means", "required", "must be given")
			.check(address == null || !URI.matcher(address).matches() || address.length() > 512, "contact.address",
					"invalid", "must be an absolute URI of at most 512 characters");
		if (v.isEmpty() && !means.accepts(scheme(address))) {
			v.add("contact.address", "scheme", "scheme does not fit the contact means " + means);
		}
		v.check(priority != null && !validPriority(priority), "contact.priority", "range",
				"must be between 0 and 1 with at most 3 decimals").throwIfAny();
	}

	public Contact(AddressKind means, String address) {
		this(means, address, null);
	}

	public static String scheme(String address) {
		int colon = address.indexOf(':');
		return colon < 0 ? "" : address.substring(0, colon).toLowerCase(Locale.ROOT);
	}

	private static boolean validPriority(double p) {
		return p >= 0 && p <= 1 && BigDecimal.valueOf(p).stripTrailingZeros().scale() <= 3;
	}
}
