package dev.parley.reports;

import java.util.List;

/** A page of report rows, the rows' total count, and the whole range's figures in one row ({@code key} "total"). */
public record Report(ReportQuery query, List<ReportRow> rows, long totalRows, ReportRow total) {
}
