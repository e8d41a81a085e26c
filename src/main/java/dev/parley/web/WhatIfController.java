package dev.parley.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.status.ErlangA;

/**
 * The supervisors' what-if page (/supervisor/what-if): how many agents answer a share of contacts within a target
 * at an arrival rate and handle time, by Erlang C (nobody gives up) and, with a mean patience, Erlang A (people
 * leave after waiting a while), with the figures of staffings around the answer.
 */
@Controller
class WhatIfController {

	/** One staffing's figures by both models (Erlang A's null without a patience). */
	record Staffing(int agents, ErlangA.Figures c, ErlangA.Figures a) {
	}

	@GetMapping("/supervisor/what-if")
	String page(@RequestParam(required = false) String contactsPerHour,
			@RequestParam(required = false) String handleSeconds, @RequestParam(required = false) String patienceSeconds,
			@RequestParam(required = false) String targetSeconds, @RequestParam(required = false) String serviceLevel,
			Model model) {
		boolean asked = contactsPerHour != null;
		model.addAttribute("contactsPerHour", asked ? contactsPerHour : "120");
		model.addAttribute("handleSeconds", asked ? handleSeconds : "240");
		model.addAttribute("patienceSeconds", asked ? patienceSeconds : "120");
		model.addAttribute("targetSeconds", asked ? targetSeconds : "20");
		model.addAttribute("serviceLevel", asked ? serviceLevel : "80");
		if (!asked) {
			return "supervisor/what-if";
		}
		List<FieldViolation> bad = new ArrayList<>();
		double perHour = number(contactsPerHour, "contactsPerHour", 0.01, 100_000, true, bad);
		double handle = number(handleSeconds, "handleSeconds", 1, 86_400, true, bad);
		double patience = number(patienceSeconds, "patienceSeconds", 1, 86_400, false, bad);
		double target = number(targetSeconds, "targetSeconds", 0, 3_600, true, bad);
		double share = number(serviceLevel, "serviceLevel", 1, 99, true, bad);
		if (!bad.isEmpty()) {
			model.addAttribute("errors", FieldErrors.of(new InvalidInputException(bad)));
			return "supervisor/what-if";
		}
		double lambda = perHour / 3600;
		double mu = 1 / handle;
		double theta = Double.isNaN(patience) ? 0 : 1 / patience;
		int needC = ErlangA.agentsFor(lambda, mu, 0, target, share / 100);
		Integer needA = theta > 0 ? ErlangA.agentsFor(lambda, mu, theta, target, share / 100) : null;
		int from = Math.max(1, (needA == null ? needC : Math.min(needA, needC)) - 2);
		int to = needC + 2;
		List<Staffing> rows = new ArrayList<>();
		for (int n = from; n <= to; n++) {
			ErlangA.Figures c = n > lambda / mu + 1e-9 ? ErlangA.figures(n, lambda, mu, 0, target) : null; // else the line grows without end
			ErlangA.Figures a = theta > 0 ? ErlangA.figures(n, lambda, mu, theta, target) : null;
			rows.add(new Staffing(n, c, a));
		}
		model.addAttribute("needC", needC);
		model.addAttribute("needA", needA);
		model.addAttribute("rows", rows);
		model.addAttribute("load", lambda / mu);
		return "supervisor/what-if";
	}

	/** The field as a number in range; NaN when it may be empty and is. */
	private static double number(String text, String field, double min, double max, boolean required,
			List<FieldViolation> bad) {
		if (text == null || text.isBlank()) {
			if (required) {
				bad.add(new FieldViolation(field, "required", "must be given"));
			}
			return Double.NaN;
		}
		try {
			double v = Double.parseDouble(text.strip());
			if (!(v >= min && v <= max)) {
				bad.add(new FieldViolation(field, "range", "must be from " + plain(min) + " to " + plain(max)));
			}
			return v;
		}
		catch (NumberFormatException e) {
			bad.add(new FieldViolation(field, "invalid", "must be a number"));
			return Double.NaN;
		}
	}

	private static String plain(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}
}
