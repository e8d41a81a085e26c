package dev.parley.customer;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly time the customer is available, in their own time zone: [start, end). */
public record AvailabilityWindow(DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {

	boolean covers(DayOfWeek day, LocalTime time) {
		return dayOfWeek == day && !time.isBefore(start) && time.isBefore(end);
	}
}
