package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;

/** The validation rules of the four sections and of attribute definitions, without Spring. */
class ProfileRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	static final AttributeDefinition TIER = new AttributeDefinition("loyalty_tier", "Tier", AttributeType.CHOICE, true,
			null, List.of("gold", "silver"));

	static Demographics demographics(String language, String locale, String zone, String country, Integer year,
			Map<String, String> attributes) {
		return new Demographics("Ann", language, locale, zone, country, year, attributes, 0L);
	}

	static List<String> fields(Runnable validation) {
		try {
			validation.run();
			return List.of();
		}
		catch (InvalidInputException e) {
			return e.violations().stream().map(FieldViolation::field).toList();
		}
	}

	static List<FieldViolation> violations(Runnable validation) {
		try {
			validation.run();
			return List.of();
		}
		catch (InvalidInputException e) {
			return e.violations();
		}
	}

	@Test
	void normalizesValidDemographics() {
		var valid = DemographicsRules.validate(
				demographics("pt-br", "en-GB", "Europe/Lisbon", "pt", 1990, Map.of("loyalty_tier", "gold")), List.of(TIER),
				2025);
		assertThat(valid.preferredLanguage()).isEqualTo("pt-BR");
		assertThat(valid.country()).isEqualTo("PT");
	}

	@Test
	void namesEachInvalidDemographicsField() {
		assertThat(fields(() -> DemographicsRules.validate(
				demographics("xx", "en-ZZ", "Europe/Nowhere", "XX", 2026, Map.of("other", "1")), List.of(TIER), 2025)))
			.containsExactly("preferredLanguage", "locale", "timeZone", "country", "birthYear", "attributes.other",
					"attributes.loyalty_tier");
		assertThat(fields(() -> DemographicsRules.validate(
				demographics("en", "en", "UTC", null, 1899, Map.of("loyalty_tier", "platinum")), List.of(TIER), 2025)))
			.containsExactly("birthYear", "attributes.loyalty_tier");
	}

	@Test
	void checksAttributeValuesByType() {
		var number = new AttributeDefinition("n", "N", AttributeType.NUMBER, false, null, null);
		var date = new AttributeDefinition("d", "D", AttributeType.DATE, false, null, null);
		var bool = new AttributeDefinition("b", "B", AttributeType.BOOLEAN, false, null, null);
		var text = new AttributeDefinition("t", "T", AttributeType.TEXT, false, 3, null);
		assertThat(DemographicsRules.problem(number, "-12.5")).isNull();
		assertThat(DemographicsRules.problem(number, "12,5")).isNotNull();
		assertThat(DemographicsRules.problem(date, "2024-02-29")).isNull();
		assertThat(DemographicsRules.problem(date, "2023-02-29")).isNotNull();
		assertThat(DemographicsRules.problem(bool, "TRUE")).isNull();
		assertThat(DemographicsRules.problem(bool, "yes")).isNotNull();
		assertThat(DemographicsRules.problem(text, "abcd")).isNotNull();
	}

	@Test
	void refusesOverlappingAndReversedWindowsButAllowsAdjacentOnes() {
		var adjacent = new Agenda(List.of(new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0)),
				new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(13, 0))), null, 0L);
		assertThat(fields(() -> AgendaRules.validate(adjacent, TODAY))).isEmpty();
		var overlapping = new Agenda(List.of(adjacent.windows().get(0),
				new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 30)),
				new AvailabilityWindow(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(9, 0))), null, 0L);
		assertThat(fields(() -> AgendaRules.validate(overlapping, TODAY))).containsExactly("windows[1].start", "windows[2].end");
	}

	@Test
	void datedExceptionsFallFromAYearBackToFiveYearsAheadAndTheErrorSaysSo() {
		var far = new Agenda(List.of(), List.of(exception(LocalDate.of(1, 1, 1)), exception(LocalDate.of(99999, 1, 1)),
				exception(TODAY.minusYears(1).minusDays(1)), exception(TODAY.plusYears(5).plusDays(1))), 0L);
		var refused = violations(() -> AgendaRules.validate(far, TODAY));
		assertThat(refused).extracting(FieldViolation::field).containsExactly("exceptions[0].date", "exceptions[1].date",
				"exceptions[2].date", "exceptions[3].date");
		assertThat(refused.get(0).message()).isEqualTo("must be between 2025-12-05 and 2031-12-05 (a year back to five years ahead)");
		var near = new Agenda(List.of(), List.of(exception(TODAY.minusYears(1)), exception(TODAY.plusYears(5))), 0L);
		assertThat(fields(() -> AgendaRules.validate(near, TODAY))).isEmpty();
	}

	private static DatedException exception(LocalDate date) {
		return new DatedException(date, null, null, ExceptionKind.BUSY, null);
	}

	@Test
	void refusesAnInterestGivenTwiceNamingTheDuplicate() {
		var in = new Interests(List.of(new Interest("phones", null, InterestLevel.LOW),
				new Interest(null, "Golf", InterestLevel.LOW), new Interest("phones", null, InterestLevel.HIGH),
				new Interest(null, " golf ", InterestLevel.MEDIUM)), false, null, 0L);
		var refused = violations(() -> InterestRules.validate(in, "phones"::equals));
		assertThat(refused).extracting(FieldViolation::field).containsExactly("interests[2].categoryKey",
				"interests[3].topic");
		assertThat(refused.get(0).message()).isEqualTo("repeats interests[0] (phones): give each interest once");
		assertThat(refused.get(1).message()).isEqualTo("repeats interests[1] (golf): give each interest once");
	}

	@Test
	void interestsNeedACategoryOrATopicNotBoth() {
		var in = new Interests(List.of(new Interest("phones", null, InterestLevel.LOW),
				new Interest("tablets", null, InterestLevel.LOW), new Interest("phones", "x", InterestLevel.LOW),
				new Interest(null, " ", InterestLevel.HIGH), new Interest(null, "cars", null)), false, null, 0L);
		assertThat(fields(() -> InterestRules.validate(in, "phones"::equals))).containsExactly(
				"interests[1].categoryKey", "interests[2].topic", "interests[3].topic", "interests[4].level");
	}

	@Test
	void checksAttributeDefinitions() {
		assertThat(fields(() -> AttributeRules.validate(new AttributeDefinition("9bad", " ", null, false, 0, null))))
			.containsExactly("key", "label", "type", "maxLength");
		assertThat(fields(() -> AttributeRules.validate(
				new AttributeDefinition("tier", "Tier", AttributeType.CHOICE, false, null, List.of(" ")))))
			.containsExactly("options");
		var valid = AttributeRules.validate(
				new AttributeDefinition("company", "Company", AttributeType.TEXT, false, 80, List.of("ignored")));
		assertThat(valid.options()).isEmpty();
	}

}
