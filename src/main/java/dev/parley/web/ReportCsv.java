package dev.parley.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.parley.common.InvalidInputException;

/** What reports' CSV downloads share: RFC 4180 cells, numbers written alike, the answers to a good and a bad question. */
final class ReportCsv {

	private ReportCsv() {
	}

	static void line(StringBuilder out, List<String> cells) {
		out.append(String.join(",", cells.stream().map(ReportCsv::cell).toList())).append("\r\n");
	}

	static String number(Double v) {
		return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
	}

	static ResponseEntity<String> file(String name, StringBuilder body) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body.toString());
	}

	/** 400 with one line per broken rule ({@code to: must not be before from}). */
	static ResponseEntity<String> refused(InvalidInputException e) {
		StringBuilder why = new StringBuilder();
		e.violations().forEach(v -> why.append(v.field()).append(": ").append(v.message()).append('\n'));
		return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(why.toString());
	}

	/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
	static String cell(String v) {
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
