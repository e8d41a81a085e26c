package dev.parley.orders;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.common.Violations;

/**
 * Where an order goes. {@code line2} and {@code region} are optional; {@code country} is an
 * ISO 3166-1 alpha-2 code. {@link #validated()} trims, checks every field and names each invalid one
 * as {@code deliveryAddress.<field>}.
 */
public record DeliveryAddress(String recipient, String line1, String line2, String postalCode, String city,
		String region, String country) {

	public static final String FIELD = "deliveryAddress";

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
	private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,18}[A-Za-z0-9]");

	/** The address trimmed (blank optional fields become null, country upper case), or InvalidInputException. */
	public DeliveryAddress validated() {
		var a = new DeliveryAddress(trim(recipient), trim(line1), trim(line2), trim(postalCode), trim(city),
				trim(region), country == null ? null : trim(country.toUpperCase(Locale.ROOT)));
		var v = new Violations();
		text(v, a.recipient, true, 120, "recipient");
		text(v, a.line1, true, 200, "line1");
		text(v, a.line2, false, 200, "line2");
		text(v, a.postalCode, true, 20, "postalCode");
		v.check(a.postalCode != null && a.postalCode.length() <= 20 && !POSTAL_CODE.matcher(a.postalCode).matches(),
				FIELD + ".postalCode", "pattern", "must be 2 to 20 letters, digits, spaces or hyphens");
		text(v, a.city, true, 100, "city");
		text(v, a.region, false, 100, "region");
		v.required(a.country, FIELD + ".country");
		v.check(a.country != null && !COUNTRIES.contains(a.country), FIELD + ".country", "unknown",
				"must be an ISO 3166-1 alpha-2 country code such as DE or US");
		v.throwIfAny();
		return a;
	}

	private static void text(Violations v, String value, boolean required, int max, String name) {
		if (required) {
			v.required(value, FIELD + "." + name);
		}
		v.text(value, max, FIELD + "." + name);
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** The address on one line, for the audit trail and short displays. */
	@Override
	public String toString() {
		var text = new StringBuilder(recipient == null ? "" : recipient).append(", ").append(line1);
		if (line2 != null) {
			text.append(", ").append(line2);
		}
		text.append(", ").append(postalCode).append(' ').append(city);
		if (region != null) {
			text.append(", ").append(region);
		}
		return text.append(", ").append(country).toString();
	}
}
