package dev.parley.customer;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A one-off change to the weekly agenda on one date, in the customer's time zone: [start, end), or the
 * whole day when both times are null. (An agenda exception, not a Java one.)
 */
public record DatedException(LocalDate date, LocalTime start, LocalTime end, ExceptionKind kind, String note) {

	public boolean wholeDay() {
		return start == null && end == null;
	}

	boolean covers(LocalDate day, LocalTime time) {
		return date.equals(day) && (wholeDay() || (!time.isBefore(start) && time.isBefore(end)));
	}
}
