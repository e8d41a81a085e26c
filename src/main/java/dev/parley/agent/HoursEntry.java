package dev.parley.agent;

/** One row of opening hours as a client sent it: day (MONDAY..SUNDAY), open and close (HH:mm). */
public record HoursEntry(String dayOfWeek, String open, String close) {

	boolean isBlank() {
		return blank(dayOfWeek) && blank(open) && blank(close);
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
