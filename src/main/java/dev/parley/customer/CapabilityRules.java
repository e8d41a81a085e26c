package dev.parley.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.parley.common.AddressKind;
import dev.parley.common.Violations;

/** Validates section 2: addresses per kind (E.164 phones, SIP URIs, email) and the preferred medium. */
final class CapabilityRules {

	static final int MAX_ENTRIES = 10;

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-().]");
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
		String normalized = e.kind() == AddressKind.PHONE ? normalizePhone(address) : address;
		String problem = problem(e.kind(), normalized);
		if (problem != null) {
			v.add(field + ".address", "invalid", problem);
		}
		return new Capability(e.kind(), normalized, e.enabled());
	}

	/** Removes spaces, dashes, dots and brackets people type into phone numbers. */
	static String normalizePhone(String phone) {
		return PHONE_SEPARATORS.matcher(phone).replaceAll("");
	}

	static boolean isEmail(String address) {
		return address != null && address.length() <= 254 && EMAIL.matcher(address.trim()).matches();
	}

	static boolean isE164(String phone) {
		return E164.matcher(phone).matches();
	}

	private static String problem(AddressKind kind, String address) {
		if (address.length() > 254) {
			return "must be at most 254 characters";
		}
		return switch (kind) {
			case PHONE -> isE164(address) ? null : "must be an international number like +41 44 668 18 00";
			case SIP -> SIP.matcher(address).matches() ? null : "must be a SIP URI like sip:alice@example.com";
			case EMAIL -> EMAIL.matcher(address).matches() ? null : "must be an email address like alice@example.com";
			case CHAT, VIDEO -> null;
		};
	}
}
