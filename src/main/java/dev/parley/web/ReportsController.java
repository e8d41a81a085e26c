package dev.parley.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.reports.ContactReports;
import dev.parley.reports.Dimension;
import dev.parley.reports.Report;
import dev.parley.reports.ReportQuery;
import dev.parley.reports.ReportRow;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;

/**
 * Supervisors' reports (/supervisor/reports): a range of days by day, queue, medium, product or agent, narrowed
 * to a queue and a medium, as a table with a chart, and the same rows as CSV (/supervisor/reports.csv). Row keys
 * are shown by name (queue, product, agent, medium).
 */
@Controller
class ReportsController {

	private static final int PAGE = 50;

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/** A row with the name people read. */
	record NamedRow(String name, ReportRow row) {
	}

	private final ContactReports reports;
	private final QueueManagement queues;
	private final Catalog catalog;
	private final AgentManagement agents;
	private final MessageSource messages;

	ReportsController(ContactReports reports, QueueManagement queues, Catalog catalog, AgentManagement agents,
			MessageSource messages) {
		this.reports = reports;
		this.queues = queues;
		this.catalog = catalog;
		this.agents = agents;
		this.messages = messages;
	}

	@GetMapping("/supervisor/reports")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String medium, @RequestParam(defaultValue = "0") String page, Locale locale,
			Model model) {
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
			Report report = reports.report(query(fromText, toText, by, queue, medium, page, PAGE));
			List<NamedRow> rows = named(report.rows(), report.query().by(), locale);
			model.addAttribute("report", report);
			model.addAttribute("rows", rows);
			model.addAttribute("pages", (report.totalRows() + PAGE - 1) / PAGE);
			model.addAttribute("chart", chart(rows));
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
			return csvOf(from, to, by, queue, medium, locale);
		}
		catch (InvalidInputException e) {
			StringBuilder why = new StringBuilder();
			e.violations().forEach(v -> why.append(v.field()).append(": ").append(v.message()).append('\n'));
			return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(why.toString());
		}
	}

	private ResponseEntity<String> csvOf(String from, String to, String by, String queue, String medium,
			Locale locale) {
		StringBuilder out = new StringBuilder();
		out.append(String.join(",", "key", "name", "offered", "answered", "abandoned", "service_level", "abandon_rate",
				"average_wait_s", "longest_wait_s", "average_handle_s", "wait_under_20s", "wait_20_60s", "wait_1_3min",
				"wait_3_10min", "wait_over_10min", "handle_under_1min", "handle_1_5min", "handle_5_15min",
				"handle_15_30min", "handle_over_30min", "average_rating", "ratings")).append("\r\n");
		int page = 0;
		Report report;
		do {
			report = reports.report(query(from, to, by, queue, medium, String.valueOf(page), ContactReports.MAX_PAGE_SIZE));
			for (NamedRow r : named(report.rows(), report.query().by(), locale)) {
				line(out, r.row().key(), r.name(), r.row());
			}
			page++;
		}
		while ((long) page * ContactReports.MAX_PAGE_SIZE < report.totalRows());
		line(out, "total", "", report.total());
		String name = "parley-report-" + report.query().by().token() + "-" + report.query().from() + "-"
				+ report.query().to() + ".csv";
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toString());
	}

	private ReportQuery query(String from, String to, String by, String queue, String medium, String page, int size) {
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
			p = Integer.parseInt(page);
		}
		catch (NumberFormatException e) {
			bad.add(new FieldViolation("page", "invalid", "must be a whole number"));
		}
		if (!bad.isEmpty()) {
			throw new InvalidInputException(bad);
		}
		return new ReportQuery(f, t, d, queue == null || queue.isBlank() ? null : queue.strip(), m, p, size);
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

	private List<NamedRow> named(List<ReportRow> rows, Dimension by, Locale locale) {
		Map<String, String> queueNames = new HashMap<>();
		for (Queue q : queues.queues()) {
			queueNames.put(q.key(), q.name());
		}
		List<NamedRow> named = new ArrayList<>();
		for (ReportRow r : rows) {
			String none = messages.getMessage("reports.none", null, locale);
			String name = r.key().equals("none") ? none : switch (by) {
				case DAY -> r.key();
				case QUEUE -> queueNames.getOrDefault(r.key(), r.key());
				case MEDIUM -> messages.getMessage("medium." + r.key().toUpperCase(Locale.ROOT), null, r.key(), locale);
				case PRODUCT -> catalog.find(new ProductId(UUID.fromString(r.key()))).map(p -> p.name()).orElse(r.key());
				case AGENT -> agentName(r.key());
			};
			named.add(new NamedRow(name, r));
		}
		return named;
	}

	private String agentName(String id) {
		try {
			return agents.agent(new AgentId(UUID.fromString(id))).displayName();
		}
		catch (NotFoundException e) {
			return id;
		}
	}

	/** What the page's chart draws: names and the answered and abandoned counts, as JSON in the page. */
	private static String chart(List<NamedRow> rows) {
		return JSON.writeValueAsString(Map.of("names", rows.stream().map(NamedRow::name).toList(), "answered",
				rows.stream().map(r -> r.row().answered()).toList(), "abandoned",
				rows.stream().map(r -> r.row().abandoned()).toList()));
	}

	private static void line(StringBuilder out, String key, String name, ReportRow r) {
		List<String> cells = new ArrayList<>(List.of(key, name, String.valueOf(r.offered()), String.valueOf(r.answered()),
				String.valueOf(r.abandoned()), number(r.serviceLevel()), number(r.abandonRate()),
				number(r.averageWaitSeconds()), String.valueOf(r.longestWaitSeconds()), number(r.averageHandleSeconds())));
		for (long b : r.waitBuckets()) {
			cells.add(String.valueOf(b));
		}
		for (long b : r.handleBuckets()) {
			cells.add(String.valueOf(b));
		}
		cells.add(number(r.averageRating()));
		cells.add(String.valueOf(r.ratings()));
		out.append(String.join(",", cells.stream().map(ReportsController::cell).toList())).append("\r\n");
	}

	private static String number(Double v) {
		return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
	}

	/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
	private static String cell(String v) {
		String s = v == null ? "" : v;
		if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
			s = "'" + s;
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			s = "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}
}
