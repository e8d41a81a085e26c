package dev.parley.agent;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening span on a weekday, in the group's time zone: open from {@code open} until before {@code close}. */
public record OpeningHours(DayOfWeek dayOfWeek, LocalTime open, LocalTime close) {

	public boolean covers(LocalTime time) {
		return !time.isBefore(open) && time.isBefore(close);
	}

	public boolean overlaps(OpeningHours other) {
		return dayOfWeek == other.dayOfWeek && open.isBefore(other.close) && other.open.isBefore(close);
	}
}
