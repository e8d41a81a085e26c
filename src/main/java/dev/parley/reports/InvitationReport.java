package dev.parley.reports;

import java.util.List;

/**
 * A page of an invitations report's rows, the rows' total count, and the whole range's figures per direction (key
 * {@code total}, agents' invitations first).
 */
public record InvitationReport(InvitationQuery query, List<InvitationRow> rows, long totalRows,
		List<InvitationRow> totals) {
}
