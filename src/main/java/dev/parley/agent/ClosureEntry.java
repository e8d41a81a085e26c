package dev.parley.agent;

/** One closure as a client sent it: a date (yyyy-MM-dd) and an optional note. */
public record ClosureEntry(String date, String note) {

	boolean isBlank() {
		return HoursEntry.blank(date) && HoursEntry.blank(note);
	}
}
