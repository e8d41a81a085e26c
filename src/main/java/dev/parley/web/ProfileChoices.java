package dev.parley.web;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.parley.customer.ExceptionKind;
import dev.parley.customer.InterestLevel;
import dev.parley.common.AddressKind;
import dev.parley.common.Medium;

/** The fixed option lists of the profile and registration forms, computed once. */
public final class ProfileChoices {

	static final ProfileChoices INSTANCE = new ProfileChoices();

	public record Option(String value, String label) {
	}

	private final List<String> zones = ZoneId.getAvailableZoneIds().stream()
		.filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/") || z.equals("UTC"))
		.sorted().toList();

	private final List<Option> countries = Arrays.stream(Locale.getISOCountries())
		.map(c -> new Option(c, new Locale("", c).getDisplayCountry(Locale.ENGLISH) + " (" + c + ")"))
		.sorted(Comparator.comparing(Option::label)).toList();

	public List<String> zones() {
		return zones;
	}

	public List<Option> countries() {
		return countries;
	}

	public List<Medium> media() {
		return List.of(Medium.values());
	}

	public List<AddressKind> addressKinds() {
		return List.of(AddressKind.values());
	}

	public List<DayOfWeek> days() {
		return List.of(DayOfWeek.values());
	}

	public List<ExceptionKind> kinds() {
		return List.of(ExceptionKind.values());
	}

	public List<InterestLevel> levels() {
		return List.of(InterestLevel.values());
	}
}
