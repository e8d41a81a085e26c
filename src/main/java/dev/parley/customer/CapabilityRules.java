package dev.parley.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.parley.common.AddressKind;
import dev.parley.common.Text;
import dev.parley.common.Violations;

/** Validates section 2: addresses per kind (E.164 phones, SIP URIs, email) and the preferred medium. */
final class CapabilityRules {

	static final int MAX_ENTRIES = 10;

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.]");
	/** The country code (1 to 3 digits after +) and a bracketed group after it that starts with the trunk 0. */
	private static final Pattern TRUNK = Pattern.compile("^\\+\\s*([1-9][0-9]{0,2})\\s*\\(0([0-9 ]*)\\)");
	/** Brackets around digits (an area code), but not around a 0: a trunk prefix anywhere but after the country code. */
	private static final Pattern BRACKETED = Pattern.compile("\\(([1-9][0-9 .\\-]*)\\)");
	private static final Pattern SIP = Pattern.compile("sips?:[A-Za-z0-9._~%!$&'*+=;?-]+@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private CapabilityRules() {
	}

	static Capabilities validate(Capabilities c) {
		var v = new Violations();
		v.check(c.version() == null, "version", "required", "must be given");
		v.check(c.capabilities().size() > MAX_ENTRIES, "capabilities", "too-many",
				"must hold at most " + MAX_ENTRIES + " entries");
		List<Capability> result = new ArrayList<>();
		for (int i = 0; i < c.capabilities().size(); i++) {
			result.add(entry(c.capabilities().get(i), "capabilities[" + i + "]", v));
		}
		boolean preferredEnabled = new Capabilities(result, null, null).enabledMedia().contains(c.preferredMedium());
		v.check(c.preferredMedium() != null && !preferredEnabled, "preferredMedium", "not-enabled",
				"must be a medium one of your enabled addresses carries");
		v.throwIfAny();
		return new Capabilities(result, c.preferredMedium(), c.version());
	}

	private static Capability entry(Capability e, String field, Violations v) {
		if (e == null || e.kind() == null) {
			v.add(field + ".kind", "required", "must be one of PHONE, SIP, EMAIL, CHAT, VIDEO");
			return null;
		}
		String address = e.address() == null || e.address().isBlank() ? null : e.address().trim();
		if (address == null) {
			v.check(e.kind().needsAddress(), field + ".address", "required", "must not be blank");
			return new Capability(e.kind(), null, e.enabled());
		}
		int forbidden = Text.forbiddenInLine(address);
		if (forbidden >= 0) {
			v.add(field + ".address", "characters", Text.message(address, forbidden, false));
			return new Capability(e.kind(), address, e.enabled());
		}
		String normalized = e.kind() == AddressKind.PHONE ? normalizePhone(address) : address;
		String problem = problem(e.kind(), normalized);
		if (problem != null) {
			v.add(field + ".address", "invalid", problem);
		}
		return new Capability(e.kind(), normalized, e.enabled());
	}

	/**
	 * The E.164 form of a number as people write it: spaces, dashes, dots and brackets around digits go; the
	 * national trunk prefix written in brackets after the country code goes too ({@code +44 (0) 7700-900123} and
	 * {@code +49 (030) 1234} are {@code +447700900123} and {@code +49301234}), since nobody dials it from abroad.
	 * Anything else (a bracket left open, a {@code (0)} elsewhere, letters) is left for {@link #isE164} to refuse.
	 */
	static String normalizePhone(String phone) {
		String s = phone.strip();
		var trunk = TRUNK.matcher(s);
		if (trunk.find()) {
			s = "+" + trunk.group(1) + " " + trunk.group(2) + " " + s.substring(trunk.end());
		}
		s = BRACKETED.matcher(s).replaceAll(" $1 ");
		return PHONE_SEPARATORS.matcher(s).replaceAll("");
	}

	static boolean isEmail(String address) {
		return address != null && address.length() <= 254 && Text.isLine(address)
				&& EMAIL.matcher(address.trim()).matches();
	}

	static boolean isE164(String phone) {
		return E164.matcher(phone).matches();
	}

	private static String problem(AddressKind kind, String address) {
		if (address.length() > 254) {
			return "must be at most 254 characters";
		}
		return switch (kind) {
			case PHONE -> isE164(address) ? null
					: "must be an international number: + and the country code, then the number without its trunk 0, "
							+ "8 to 15 digits in all, like +41 44 668 18 00 or +44 (0) 7700 900123";
			case SIP -> SIP.matcher(address).matches() ? null : "must be a SIP URI like sip:alice@example.com";
			case EMAIL -> EMAIL.matcher(address).matches() ? null : "must be an email address like alice@example.com";
			case CHAT, VIDEO -> null;
		};
	}
}
