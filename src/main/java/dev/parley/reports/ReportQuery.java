package dev.parley.reports;

import java.time.LocalDate;

import dev.parley.common.Medium;

/**
 * A report's question: the days {@code from} to {@code to} (inclusive, in the reporting time zone), rows by
 * {@code by}, optionally only one queue and one medium, one page of rows.
 */
public record ReportQuery(LocalDate from, LocalDate to, Dimension by, String queue, Medium medium, int page,
		int size) {
}
