package dev.parley.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.alerts.AlertId;
import dev.parley.alerts.AlertKind;
import dev.parley.alerts.AlertRule;
import dev.parley.alerts.AlertSide;
import dev.parley.alerts.Alerts;
import dev.parley.alerts.NewAlertRule;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.identity.Role;
import dev.parley.security.ParleyUser;

/**
 * The alert inbox ({@code /customer/alerts}, {@code /agent/alerts}, {@code /supervisor/alerts}: dismiss one) and the
 * rules page beside it ({@code .../alert-rules}: add one, remove one). One page for each side, the same templates;
 * a side's path visited by another role goes to that role's own. Plain forms: they work without the page script.
 */
@Controller
class AlertsPageController {

	private static final String ADD = "add";

	private final Alerts alerts;
	private final AlertChoices choices;
	private final MessageSource messages;
	private final ViewerZone zones;

	AlertsPageController(Alerts alerts, AlertChoices choices, MessageSource messages, ViewerZone zones) {
		this.alerts = alerts;
		this.choices = choices;
		this.messages = messages;
		this.zones = zones;
	}

	/** Where a user's alert pages are: {@code /customer}, {@code /agent} or {@code /supervisor}. */
	static String base(ParleyUser user) {
		return switch (side(user)) {
			case CUSTOMER -> "/customer";
			case AGENT -> "/agent";
			case SUPERVISOR -> "/supervisor";
		};
	}

	static AlertSide side(ParleyUser user) {
		return user.role() == Role.CUSTOMER ? AlertSide.CUSTOMER : user.role() == Role.AGENT ? AlertSide.AGENT
				: AlertSide.SUPERVISOR;
	}

	@GetMapping({ "/customer/alerts", "/agent/alerts", "/supervisor/alerts" })
	String inbox(@AuthenticationPrincipal ParleyUser user, Model model) {
		model.addAttribute("alerts", alerts.inbox(user.id()));
		model.addAttribute("base", base(user));
		model.addAttribute("zone", zones.of(user));
		return "alerts/inbox";
	}

	@PostMapping({ "/customer/alerts/{id}/dismiss", "/agent/alerts/{id}/dismiss", "/supervisor/alerts/{id}/dismiss" })
	String dismiss(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, RedirectAttributes redirect) {
		try {
			alerts.dismiss(user.id(), AlertId.parse(id));
			redirect.addFlashAttribute("flash", text("alerts.inbox.dismissed"));
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("flash", text("alerts.inbox.gone"));
		}
		return "redirect:" + base(user) + "/alerts";
	}

	@GetMapping({ "/customer/alert-rules", "/agent/alert-rules", "/supervisor/alert-rules" })
	String rules(@AuthenticationPrincipal ParleyUser user, Model model) {
		return rulesPage(user, model, Map.of(), Map.of());
	}

	@PostMapping({ "/customer/alert-rules", "/agent/alert-rules", "/supervisor/alert-rules" })
	String add(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String product,
			@RequestParam(required = false) String agent, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String order, @RequestParam(required = false) String position,
			Model model, RedirectAttributes redirect) {
		AlertSide side = side(user);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("kind", kind);
		form.put("queue", queue);
		form.put("product", product);
		form.put("agent", agent);
		form.put("customer", customer);
		form.put("order", order);
		form.put("position", position);
		List<NewAlertRule> rules = current(user.id(), side);
		AlertKind k = AlertKind.ofToken(kind);
		Integer place = parse(position);
		if (position != null && !position.isBlank() && place == null) {
			return rulesPage(user, model, form, Map.of("position", text("alerts.rules.position.hint")));
		}
		AlertKind.Subject subject = k == null ? AlertKind.Subject.NONE : k.subject();
		rules.add(new NewAlertRule(kind, pick(subject, AlertKind.Subject.QUEUE, queue),
				pick(subject, AlertKind.Subject.PRODUCT, product), pick(subject, AlertKind.Subject.AGENT, agent),
				pick(subject, AlertKind.Subject.CUSTOMER, customer), pick(subject, AlertKind.Subject.ORDER, order),
				k == AlertKind.QUEUE_TURN ? place : null));
		String prefix = "rules[" + (rules.size() - 1) + "].";
		try {
			alerts.replaceRules(user.id(), side, rules);
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.violations().forEach(v -> errors.putIfAbsent(v.field().startsWith(prefix)
					? v.field().substring(prefix.length()) : v.field().startsWith("rules[") ? "kind" : v.field(),
					v.message()));
			return rulesPage(user, model, form, errors);
		}
		catch (RefusedException e) {
			String field = String.valueOf(e.details().getOrDefault("field", "kind"));
			return rulesPage(user, model, form, Map.of(field.startsWith(prefix) ? field.substring(prefix.length())
					: "kind", e.getMessage()));
		}
		redirect.addFlashAttribute("flash", text("alerts.rules.added"));
		return "redirect:" + base(user) + "/alert-rules";
	}

	@PostMapping({ "/customer/alert-rules/{id}/remove", "/agent/alert-rules/{id}/remove",
			"/supervisor/alert-rules/{id}/remove" })
	String remove(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, RedirectAttributes redirect) {
		AlertSide side = side(user);
		List<AlertRule> held = alerts.rules(user.id(), side);
		List<NewAlertRule> kept = new ArrayList<>();
		held.stream().filter(r -> !r.id().toString().equals(id)).forEach(r -> kept.add(input(r)));
		if (kept.size() < held.size()) {
			alerts.replaceRules(user.id(), side, kept);
		}
		redirect.addFlashAttribute("flash", text("alerts.rules.removed"));
		return "redirect:" + base(user) + "/alert-rules";
	}

	private String rulesPage(ParleyUser user, Model model, Map<String, String> form, Map<String, String> errors) {
		AlertSide side = side(user);
		model.addAttribute("side", side.name());
		model.addAttribute("base", base(user));
		model.addAttribute("rules", alerts.rules(user.id(), side).stream()
			.map(r -> new AlertChoices.RuleLine(r.id().toString(), r.kind().token(), choices.subjectName(r),
					r.position()))
			.sorted(Comparator.comparing(AlertChoices.RuleLine::kind)).toList());
		model.addAttribute("kinds", java.util.Arrays.stream(AlertKind.values()).filter(k -> k.side() == side)
			.map(AlertKind::token).toList());
		choices.fill(user, side, model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "alerts/rules";
	}

	private List<NewAlertRule> current(UUID account, AlertSide side) {
		List<NewAlertRule> list = new ArrayList<>();
		alerts.rules(account, side).forEach(r -> list.add(input(r)));
		return list;
	}

	private static NewAlertRule input(AlertRule r) {
		AlertKind.Subject s = r.kind().subject();
		return new NewAlertRule(r.kind().token(), s == AlertKind.Subject.QUEUE ? r.subject() : null,
				s == AlertKind.Subject.PRODUCT ? r.subject() : null, s == AlertKind.Subject.AGENT ? r.subject() : null,
				s == AlertKind.Subject.CUSTOMER ? r.subject() : null, s == AlertKind.Subject.ORDER ? r.subject() : null,
				r.kind() == AlertKind.QUEUE_TURN ? r.position() : null);
	}

	private static String pick(AlertKind.Subject subject, AlertKind.Subject field, String value) {
		return subject == field && value != null && !value.isBlank() ? value : null;
	}

	private static Integer parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
