package dev.parley.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.reports.ContactReports;
import dev.parley.reports.Dimension;
import dev.parley.reports.InvitationReport;
import dev.parley.reports.InvitationReports;
import dev.parley.reports.InvitationRow;
import dev.parley.reports.Report;
import dev.parley.reports.ReportRow;
import dev.parley.routing.QueueManagement;

/**
 * Supervisors' reports (/supervisor/reports): a range of days by day, queue, medium, product or agent, narrowed
 * to a queue and a medium, as a table with a chart, and the same rows as CSV (/supervisor/reports.csv); below,
 * the invitations sent in the range by the same rows and direction (not by queue: invitations go to none), with
 * their own CSV ({@link InvitationReportsController}). Row keys are shown by name (queue, product, agent, medium).
 */
@Controller
class ReportsController {

	private static final int PAGE = 50;

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/** A row with the name people read. */
	record NamedRow(String name, ReportRow row) {
	}

	/** An invitations row with the name people read. */
	record NamedInvitationRow(String name, InvitationRow row) {
	}

	private final ContactReports reports;
	private final InvitationReports invitations;
	private final QueueManagement queues;
	private final ReportNames names;

	ReportsController(ContactReports reports, InvitationReports invitations, QueueManagement queues,
			ReportNames names) {
		this.reports = reports;
		this.invitations = invitations;
		this.queues = queues;
		this.names = names;
	}

	@GetMapping("/supervisor/reports")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String medium, @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "0") String ipage, Locale locale, Model model) {
		LocalDate today = LocalDate.now(reports.zone());
		String fromText = from == null ? today.minusDays(29).toString() : from;
		String toText = to == null ? today.toString() : to;
		model.addAttribute("from", fromText);
		model.addAttribute("to", toText);
		model.addAttribute("by", by == null ? "day" : by);
		model.addAttribute("queue", queue == null ? "" : queue);
		model.addAttribute("medium", medium == null ? "" : medium);
		model.addAttribute("queues", queues.queues());
		model.addAttribute("media", Medium.values());
		model.addAttribute("dimensions", Dimension.values());
		model.addAttribute("zone", reports.zone());
		try {
			ReportParams params = ReportParams.parse(fromText, toText, by, queue, medium, page);
			Report report = reports.report(params.contacts(PAGE));
			List<NamedRow> rows = named(report.rows(), report.query().by(), locale);
			model.addAttribute("report", report);
			model.addAttribute("rows", rows);
			model.addAttribute("pages", (report.totalRows() + PAGE - 1) / PAGE);
			model.addAttribute("chart", chart(rows));
			invitations(params, ipage, locale, model);
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		return "supervisor/reports";
	}

	@GetMapping("/supervisor/reports.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String medium, Locale locale) {
		try {
			return csvOf(ReportParams.parse(from, to, by, queue, medium, null), locale);
		}
		catch (InvalidInputException e) {
			return ReportCsv.refused(e);
		}
	}

	/** The invitations part of the page: none when the contacts are narrowed to a queue or rowed by queue. */
	private void invitations(ReportParams params, String ipage, Locale locale, Model model) {
		if (params.queue() != null || params.by() == Dimension.QUEUE) {
			model.addAttribute("invitationsByQueue", true);
			return;
		}
		int p;
		try {
			p = Math.max(0, Integer.parseInt(ipage));
		}
		catch (NumberFormatException e) {
			p = 0;
		}
		InvitationReport report = invitations.report(params.invitations(p, PAGE));
		Function<String, String> name = names.namer(params.by(), locale);
		List<NamedInvitationRow> rows = report.rows().stream()
			.map(r -> new NamedInvitationRow(name.apply(r.key()), r)).toList();
		model.addAttribute("invitations", report);
		model.addAttribute("invitationRows", rows);
		model.addAttribute("invitationPages", (report.totalRows() + PAGE - 1) / PAGE);
		model.addAttribute("invitationChart", invitationChart(rows));
	}

	private ResponseEntity<String> csvOf(ReportParams params, Locale locale) {
		StringBuilder out = new StringBuilder();
		ReportCsv.line(out, List.of("key", "name", "offered", "answered", "abandoned", "service_level", "abandon_rate",
				"average_wait_s", "longest_wait_s", "average_handle_s", "wait_under_20s", "wait_20_60s", "wait_1_3min",
				"wait_3_10min", "wait_over_10min", "handle_under_1min", "handle_1_5min", "handle_5_15min",
				"handle_15_30min", "handle_over_30min", "average_rating", "ratings"));
		int page = 0;
		Report report;
		do {
			report = reports.report(params.contacts(page, ContactReports.MAX_PAGE_SIZE));
			for (NamedRow r : named(report.rows(), report.query().by(), locale)) {
				line(out, r.row().key(), r.name(), r.row());
			}
			page++;
		}
		while ((long) page * ContactReports.MAX_PAGE_SIZE < report.totalRows());
		line(out, "total", "", report.total());
		return ReportCsv.file("parley-report-" + report.query().by().token() + "-" + report.query().from() + "-"
				+ report.query().to() + ".csv", out);
	}

	private List<NamedRow> named(List<ReportRow> rows, Dimension by, Locale locale) {
		Function<String, String> name = names.namer(by, locale);
		return rows.stream().map(r -> new NamedRow(name.apply(r.key()), r)).toList();
	}

	/** What the page's chart draws: names and the answered and abandoned counts, as JSON in the page. */
	private static String chart(List<NamedRow> rows) {
		return JSON.writeValueAsString(Map.of("names", rows.stream().map(NamedRow::name).toList(), "series", List.of(
				Map.of("key", "answered", "data", rows.stream().map(r -> r.row().answered()).toList()),
				Map.of("key", "abandoned", "data", rows.stream().map(r -> r.row().abandoned()).toList()))));
	}

	/** The invitations' chart: per row name (both directions together), accepted, declined and expired. */
	private static String invitationChart(List<NamedInvitationRow> rows) {
		Map<String, long[]> byName = new LinkedHashMap<>();
		for (NamedInvitationRow r : rows) {
			long[] n = byName.computeIfAbsent(r.name(), k -> new long[3]);
			n[0] += r.row().accepted();
			n[1] += r.row().declined();
			n[2] += r.row().expired();
		}
		List<Map<String, Object>> series = new ArrayList<>();
		String[] keys = { "accepted", "declined", "expired" };
		for (int i = 0; i < keys.length; i++) {
			int at = i;
			series.add(Map.of("key", keys[i], "data", byName.values().stream().map(n -> n[at]).toList()));
		}
		return JSON.writeValueAsString(Map.of("names", List.copyOf(byName.keySet()), "series", series));
	}

	private static void line(StringBuilder out, String key, String name, ReportRow r) {
		List<String> cells = new ArrayList<>(List.of(key, name, String.valueOf(r.offered()), String.valueOf(r.answered()),
				String.valueOf(r.abandoned()), ReportCsv.number(r.serviceLevel()), ReportCsv.number(r.abandonRate()),
				ReportCsv.number(r.averageWaitSeconds()), String.valueOf(r.longestWaitSeconds()),
				ReportCsv.number(r.averageHandleSeconds())));
		for (long b : r.waitBuckets()) {
			cells.add(String.valueOf(b));
		}
		for (long b : r.handleBuckets()) {
			cells.add(String.valueOf(b));
		}
		cells.add(ReportCsv.number(r.averageRating()));
		cells.add(String.valueOf(r.ratings()));
		ReportCsv.line(out, cells);
	}
}
