package dev.parley.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.common.InvalidInputException;
import dev.parley.reports.ContactReports;
import dev.parley.reports.InvitationReport;
import dev.parley.reports.InvitationReports;
import dev.parley.reports.InvitationRow;

/**
 * The invitations report as CSV (/supervisor/reports/invitations.csv): the same question as the reports page (days,
 * rows by day, medium, product or agent, a medium), one line per row and direction, then the totals per direction.
 */
@Controller
class InvitationReportsController {

	private final InvitationReports invitations;
	private final ReportNames names;

	InvitationReportsController(InvitationReports invitations, ReportNames names) {
		this.invitations = invitations;
		this.names = names;
	}

	@GetMapping("/supervisor/reports/invitations.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) String medium, Locale locale) {
		try {
			return csvOf(ReportParams.parse(from, to, by, null, medium, null), locale);
		}
		catch (InvalidInputException e) {
			return ReportCsv.refused(e);
		}
	}

	private ResponseEntity<String> csvOf(ReportParams params, Locale locale) {
		StringBuilder out = new StringBuilder();
		ReportCsv.line(out, List.of("key", "name", "direction", "sent", "accepted", "declined", "expired", "open",
				"acceptance_rate", "median_answer_s"));
		Function<String, String> name = names.namer(params.by(), locale);
		int page = 0;
		InvitationReport report;
		do {
			report = invitations.report(params.invitations(page, ContactReports.MAX_PAGE_SIZE));
			for (InvitationRow r : report.rows()) {
				line(out, r, name.apply(r.key()));
			}
			page++;
		}
		while ((long) page * ContactReports.MAX_PAGE_SIZE < report.totalRows());
		for (InvitationRow r : report.totals()) {
			line(out, r, "");
		}
		return ReportCsv.file("parley-invitations-" + report.query().by().token() + "-" + report.query().from() + "-"
				+ report.query().to() + ".csv", out);
	}

	private static void line(StringBuilder out, InvitationRow r, String name) {
		ReportCsv.line(out, List.of(r.key(), name, r.direction().token(), String.valueOf(r.sent()),
				String.valueOf(r.accepted()), String.valueOf(r.declined()), String.valueOf(r.expired()),
				String.valueOf(r.open()), ReportCsv.number(r.acceptanceRate()),
				ReportCsv.number(r.medianAnswerSeconds())));
	}
}
