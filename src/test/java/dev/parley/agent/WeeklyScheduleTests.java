package dev.parley.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;

class WeeklyScheduleTests {

	static WeeklySchedule berlinWeekdays(ClosureEntry... closures) {
		var hours = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SUNDAY").stream()
			.map(d -> new HoursEntry(d, "09:00", "17:00")).toList();
		return ScheduleRules.parse("Europe/Berlin", hours, List.of(closures));
	}

	static void assertFields(Runnable call, String... fields) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(fields));
	}

	@Test
	void isOpenDuringLocalHoursInWinterAndSummerAcrossDst() {
		var schedule = berlinWeekdays();
		// winter: Berlin is UTC+1, so 09:00 local is 08:00Z
		assertThat(schedule.isOpenAt(Instant.parse("2026-01-14T07:59:00Z"))).isFalse();
		assertThat(schedule.isOpenAt(Instant.parse("2026-01-14T08:00:00Z"))).isTrue();
		assertThat(schedule.isOpenAt(Instant.parse("2026-01-14T15:59:00Z"))).isTrue();
		assertThat(schedule.isOpenAt(Instant.parse("2026-01-14T16:00:00Z"))).isFalse();
		// summer: UTC+2, so 09:00 local is 07:00Z
		assertThat(schedule.isOpenAt(Instant.parse("2026-07-15T07:00:00Z"))).isTrue();
		assertThat(schedule.isOpenAt(Instant.parse("2026-07-15T15:30:00Z"))).isFalse();
	}

	@Test
	void dstChangeDayKeepsTheLocalOpeningTime() {
		var schedule = berlinWeekdays();
		// Sunday 29 March 2026 the clocks jump from 02:00 to 03:00; 09:00 local is 07:00Z that day
		assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T06:59:00Z"))).isFalse();
		assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T07:00:00Z"))).isTrue();
		// Sunday 25 October 2026 back to UTC+1: 09:00 local is 08:00Z
		assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T07:30:00Z"))).isFalse();
		assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T08:00:00Z"))).isTrue();
	}

	@Test
	void isClosedOnClosuresAndDaysWithoutHours() {
		var schedule = berlinWeekdays(new ClosureEntry("2026-12-25", "Christmas"));
		assertThat(schedule.isOpenAt(Instant.parse("2026-12-25T10:00:00Z"))).isFalse();
		assertThat(schedule.isOpenAt(Instant.parse("2026-12-24T10:00:00Z"))).isTrue();
		assertThat(schedule.isOpenAt(Instant.parse("2026-12-26T10:00:00Z"))).isFalse(); // Saturday
		assertThat(schedule.closureOn(java.time.LocalDate.parse("2026-12-25")).get().note()).isEqualTo("Christmas");
	}

	@Test
	void closureDayIsTheGroupsLocalDay() {
		var schedule = ScheduleRules.parse("America/New_York", List.of(new HoursEntry("FRIDAY", "18:00", "23:00")),
				List.of(new ClosureEntry("2026-07-03", "Independence Day observed")));
		// 2026-07-04T01:00Z is still Friday 3 July 21:00 in New York: closed
		assertThat(schedule.isOpenAt(Instant.parse("2026-07-04T01:00:00Z"))).isFalse();
		assertThat(schedule.isOpenAt(Instant.parse("2026-07-11T01:00:00Z"))).isTrue();
	}

	@Test
	void todaysHoursAreShownInTheViewersZone() {
		var spans = berlinWeekdays().todayIn(Instant.parse("2026-01-14T12:00:00Z"), ZoneId.of("America/New_York"));
		assertThat(spans).hasSize(1);
		assertThat(spans.get(0).from().toLocalTime()).hasToString("03:00");
		assertThat(spans.get(0).to().toLocalTime()).hasToString("11:00");
	}

	@Test
	void allowsSplitHoursButNotOverlapsAndNamesTheRow() {
		var split = ScheduleRules.parse("UTC", List.of(new HoursEntry("MONDAY", "08:00", "12:00"),
				new HoursEntry("monday", "13:00", "17:00")), List.of());
		assertThat(split.hoursOf(java.time.DayOfWeek.MONDAY)).hasSize(2);
		assertFields(() -> ScheduleRules.parse("UTC", List.of(new HoursEntry("MONDAY", "08:00", "12:00"),
				new HoursEntry("MONDAY", "11:00", "14:00")), List.of()), "hours[1].open");
	}

	@Test
	void closeMustBeAfterOpen() {
		assertFields(() -> ScheduleRules.parse("UTC", List.of(new HoursEntry("MONDAY", "12:00", "12:00")), List.of()),
				"hours[0].close");
	}

	@Test
	void namesEveryBadPartAndIgnoresBlankRows() {
		assertFields(() -> ScheduleRules.parse("Mars/Olympus",
				List.of(new HoursEntry("", "", ""), new HoursEntry("FUNDAY", "9am", "25:00")),
				List.of(new ClosureEntry(null, null), new ClosureEntry("2026-02-30", "x"),
						new ClosureEntry("2026-12-25", "a"), new ClosureEntry("2026-12-25", "b"))),
				"timeZone", "hours[1].dayOfWeek", "hours[1].open", "hours[1].close", "closures[1].date",
				"closures[3].date");
	}
}
