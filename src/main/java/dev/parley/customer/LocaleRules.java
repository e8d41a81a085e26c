package dev.parley.customer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks and normalizes language tags, countries and time zones against the JDK's known lists. */
final class LocaleRules {

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private LocaleRules() {
	}

	/** A well-formed BCP 47 tag with a known language (and known region, if any), normalized; else empty. */
	static Optional<String> languageTag(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
			boolean knownRegion = locale.getCountry().isEmpty() || COUNTRIES.contains(locale.getCountry())
					|| locale.getCountry().matches("\\d{3}");
			return LANGUAGES.contains(locale.getLanguage()) && knownRegion ? Optional.of(locale.toLanguageTag())
					: Optional.empty();
		}
		catch (IllformedLocaleException e) {
			return Optional.empty();
		}
	}

	/** An ISO 3166-1 alpha-2 code, upper-cased; else empty. */
	static Optional<String> country(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String upper = code.trim().toUpperCase(Locale.ROOT);
		return COUNTRIES.contains(upper) ? Optional.of(upper) : Optional.empty();
	}

	/** A known IANA zone id (region ids like Europe/Berlin, or UTC); else empty. */
	static Optional<String> timeZone(String id) {
		if (id == null || id.isBlank() || id.length() > 60) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(id.trim()).getId());
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}
}
