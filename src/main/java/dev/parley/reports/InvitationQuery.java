package dev.parley.reports;

import java.time.LocalDate;

import dev.parley.common.Medium;

/**
 * An invitations report's question: the invitations sent on the days {@code from} to {@code to} (inclusive, in the
 * reporting time zone), rows by {@code by} (day, medium, product or agent; invitations go to no queue) and
 * direction, optionally only one medium, one page of rows.
 */
public record InvitationQuery(LocalDate from, LocalDate to, Dimension by, Medium medium, int page, int size) {
}
