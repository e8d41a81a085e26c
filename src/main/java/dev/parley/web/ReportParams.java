package dev.parley.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.reports.Dimension;
import dev.parley.reports.InvitationQuery;
import dev.parley.reports.ReportQuery;

/**
 * A report's question as the page and the CSV links send it (days written 2026-12-01, {@code by}, a queue key, a
 * medium token, a page number), read into the reports' questions; every malformed field is named at once.
 */
record ReportParams(LocalDate from, LocalDate to, Dimension by, String queue, Medium medium, int page) {

	static ReportParams parse(String from, String to, String by, String queue, String medium, String page) {
		List<FieldViolation> bad = new ArrayList<>();
		LocalDate f = day(from, "from", bad);
		LocalDate t = day(to, "to", bad);
		Dimension d = Dimension.DAY;
		try {
			d = Dimension.parse(by, "by");
		}
		catch (InvalidInputException e) {
			bad.addAll(e.violations());
		}
		Medium m = null;
		if (medium != null && !medium.isBlank()) {
			try {
				m = Medium.valueOf(medium.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				bad.add(new FieldViolation("medium", "invalid", "must be chat, voice, email or video"));
			}
		}
		int p = 0;
		try {
			p = page == null ? 0 : Integer.parseInt(page);
		}
		catch (NumberFormatException e) {
			bad.add(new FieldViolation("page", "invalid", "must be a whole number"));
		}
		if (!bad.isEmpty()) {
			throw new InvalidInputException(bad);
		}
		return new ReportParams(f, t, d, queue == null || queue.isBlank() ? null : queue.strip(), m, p);
	}

	ReportQuery contacts(int size) {
		return new ReportQuery(from, to, by, queue, medium, page, size);
	}

	ReportQuery contacts(int page, int size) {
		return new ReportQuery(from, to, by, queue, medium, page, size);
	}

	/** Invitations go to no queue: the question about them has no queue. */
	InvitationQuery invitations(int page, int size) {
		return new InvitationQuery(from, to, by, medium, page, size);
	}

	private static LocalDate day(String text, String field, List<FieldViolation> bad) {
		if (text == null || text.isBlank()) {
			bad.add(new FieldViolation(field, "required", "must be a day (2026-12-01)"));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			bad.add(new FieldViolation(field, "invalid", "must be a day written 2026-12-01"));
			return null;
		}
	}
}
