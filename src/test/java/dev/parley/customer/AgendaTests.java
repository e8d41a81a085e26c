package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgendaTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static AvailabilityWindow window(DayOfWeek day, String start, String end) {
		return new AvailabilityWindow(day, LocalTime.parse(start), LocalTime.parse(end));
	}

	static DatedException exception(String date, String start, String end, ExceptionKind kind) {
		return new DatedException(LocalDate.parse(date), start == null ? null : LocalTime.parse(start),
				end == null ? null : LocalTime.parse(end), kind, null);
	}

	final Agenda weekdays = new Agenda(List.of(window(DayOfWeek.MONDAY, "09:00", "17:00"),
			window(DayOfWeek.SATURDAY, "09:00", "17:00"), window(DayOfWeek.SUNDAY, "01:00", "04:00")), List.of(), 0L);

	@Test
	void isAvailableInsideAWindowReadInTheCustomersZone() {
		// Monday 2024-01-08, 09:30 in Berlin (CET, UTC+1) is 08:30 UTC
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-01-08T08:30:00Z"), BERLIN)).isTrue();
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-01-08T07:30:00Z"), BERLIN)).isFalse();
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-01-08T08:30:00Z"), ZoneId.of("America/New_York"))).isFalse();
	}

	@Test
	void treatsTheEndOfAWindowAsExclusive() {
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-01-08T15:59:59Z"), BERLIN)).isTrue();
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-01-08T16:00:00Z"), BERLIN)).isFalse();
	}

	@Test
	void followsDaylightSavingTime() {
		// Saturday 2024-03-30 is CET (UTC+1), Sunday 2024-03-31 from 02:00 local is CEST (UTC+2)
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-03-30T07:30:00Z"), BERLIN)).as("08:30 CET").isFalse();
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-03-30T08:00:00Z"), BERLIN)).as("09:00 CET").isTrue();
		// the Sunday window 01:00-04:00 local lasts two real hours: 00:00Z-02:00Z
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-03-31T00:30:00Z"), BERLIN)).as("01:30 CET").isTrue();
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-03-31T01:30:00Z"), BERLIN)).as("03:30 CEST").isTrue();
		assertThat(weekdays.isAvailableAt(Instant.parse("2024-03-31T02:00:00Z"), BERLIN)).as("04:00 CEST").isFalse();
	}

	@Test
	void aBusyExceptionOverridesAWindow() {
		var agenda = new Agenda(weekdays.windows(), List.of(exception("2024-01-08", "12:00", "13:00", ExceptionKind.BUSY)), 0L);
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-08T11:30:00Z"), BERLIN)).as("12:30").isFalse();
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-08T12:00:00Z"), BERLIN)).as("13:00").isTrue();
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-15T11:30:00Z"), BERLIN)).as("next week").isTrue();
	}

	@Test
	void aWholeDayBusyExceptionBlocksTheDay() {
		var agenda = new Agenda(weekdays.windows(), List.of(exception("2024-01-08", null, null, ExceptionKind.BUSY)), 0L);
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-08T10:00:00Z"), BERLIN)).isFalse();
	}

	@Test
	void aFreeExceptionAddsAvailabilityButBusyWinsOverFree() {
		var agenda = new Agenda(List.of(), List.of(exception("2024-01-09", "18:00", "20:00", ExceptionKind.FREE),
				exception("2024-01-09", "19:00", "19:30", ExceptionKind.BUSY)), 0L);
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-09T17:30:00Z"), BERLIN)).as("18:30").isTrue();
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-09T18:15:00Z"), BERLIN)).as("19:15").isFalse();
		assertThat(agenda.isAvailableAt(Instant.parse("2024-01-09T16:30:00Z"), BERLIN)).as("17:30").isFalse();
	}

	@Test
	void anEmptyAgendaIsNeverAvailable() {
		assertThat(new Agenda(null, null, 0L).isAvailableAt(Instant.now(), BERLIN)).isFalse();
	}
}
