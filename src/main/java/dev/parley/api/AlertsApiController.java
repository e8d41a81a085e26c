package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.alerts.Alert;
import dev.parley.alerts.AlertId;
import dev.parley.alerts.AlertKind;
import dev.parley.alerts.AlertRule;
import dev.parley.alerts.AlertSide;
import dev.parley.alerts.Alerts;
import dev.parley.alerts.NewAlertRule;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Status alerts: each caller's alert inbox and the rules that fill it, the same four operations for customers
 * ({@code /api/v1/me}), agents ({@code /api/v1/agent}) and supervisors ({@code /api/v1/supervisor}); the path names
 * nobody, every caller reaches only their own.
 */
@RestController
@Tag(name = "Alerts", description = "Status alerts: the rules you hold and the inbox of alerts they raised.")
class AlertsApiController {

	private static final String ID = "The alert's id, from the inbox or from the live `alert` event.";
	private static final String EXAMPLE_ID = "9d2f6a0e-3c1b-5e4a-8f7d-2b6c1a0e9f31";
	private static final String UNKNOWN = "No such alert in your inbox (another account's, or one dismissed already, "
			+ "answers the same).";
	private static final String INBOX = """
			Your alerts not yet dismissed, newest first (at most 100), and `unread`, how many there are. An alert \
			raised while you were away waits here; one raised while a page is open also arrives live on it (event \
			`alert`). Changes nothing.""";
	private static final String DISMISS = """
			Takes one of your alerts out of the inbox; your open pages are told live. Dismissing another account's \
			alert, an unknown one, or one dismissed already answers 404 and changes nothing.""";
	private static final String GET_RULES = "Your alert rules of this side, oldest first. Changes nothing.";
	private static final String PUT_RULES = """
			Replaces every one of your alert rules of this side with `rules` (at most 50; an empty list removes \
			them all). Each rule has a `kind` and the subject its kind names; every field of every rule is checked \
			before anything is stored: a malformed one answers 400 naming each field, one naming a queue, product, \
			agent, order or customer that does not exist for you answers 422 `unknown-subject` naming the field, \
			and no rule changes. """;

	record AlertView(UUID id, String kind, String text, String subject, String subjectName, String detail,
			Instant raisedAt, Instant dismissedAt) {

		static AlertView of(Alert a) {
			return new AlertView(a.id().value(), a.kind().token(), a.text(), a.subject(), a.subjectName(), a.detail(),
					a.raisedAt(), a.dismissedAt());
		}
	}

	record AlertInbox(int unread, List<AlertView> alerts) {
	}

	record AlertRuleInput(String kind, String queue, String product, String agent, String customer, String order,
			Integer position) {
	}

	record AlertRulesInput(List<AlertRuleInput> rules) {
	}

	record AlertRuleView(UUID id, String kind, String queue, String product, String agent, String customer,
			String order, Integer position, Instant createdAt) {

		static AlertRuleView of(AlertRule r) {
			String s = r.subject();
			return new AlertRuleView(r.id().value(), r.kind().token(), is(r, AlertKind.Subject.QUEUE, s),
					is(r, AlertKind.Subject.PRODUCT, s), is(r, AlertKind.Subject.AGENT, s),
					is(r, AlertKind.Subject.CUSTOMER, s), is(r, AlertKind.Subject.ORDER, s), r.position(), r.createdAt());
		}

		private static String is(AlertRule r, AlertKind.Subject subject, String s) {
			return r.kind().subject() == subject ? s : null;
		}
	}

	record AlertRules(List<AlertRuleView> rules) {
	}

	private final Alerts alerts;

	AlertsApiController(Alerts alerts) {
		this.alerts = alerts;
	}

	// customers

	@GetMapping("/api/v1/me/alerts")
	@Operation(operationId = "listMyAlerts", summary = "Your alert inbox", description = INBOX)
	@ApiResponse(responseCode = "200", description = "The inbox.", useReturnTypeSchema = true, content = @Content(
			examples = @ExampleObject(name = "inbox", summary = "one alert", value = ApiExamples.ALERT_INBOX)))
	AlertInbox myInbox(@AuthenticationPrincipal ParleyUser user) {
		return inbox(user);
	}

	@PostMapping("/api/v1/me/alerts/{id}/dismiss")
	@Operation(operationId = "dismissMyAlert", summary = "Dismiss an alert", description = DISMISS)
	@ApiResponse(responseCode = "200", description = "The alert, dismissed.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "dismissed", summary = "dismissed",
					value = ApiExamples.ALERT_DISMISSED)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "alert")
	AlertView myDismiss(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return dismiss(user, id);
	}

	@GetMapping("/api/v1/me/alert-rules")
	@Operation(operationId = "getMyAlertRules", summary = "Your alert rules", description = GET_RULES + """
			 A customer's kinds: `queue-agent-available` (`queue`), `product-agent-available` (`product`), \
			`agent-available` (`agent`), `queue-turn` (`position`), `order-status` (`order`, or none for all).""")
	@ApiResponse(responseCode = "200", description = "The rules.", useReturnTypeSchema = true, content = @Content(
			examples = @ExampleObject(name = "rules", summary = "two rules", value = ApiExamples.ALERT_RULES)))
	AlertRules myRules(@AuthenticationPrincipal ParleyUser user) {
		return rules(user, AlertSide.CUSTOMER);
	}

	@PutMapping("/api/v1/me/alert-rules")
	@Operation(operationId = "putMyAlertRules", summary = "Set your alert rules", description = PUT_RULES + """
			A customer's kinds: `queue-agent-available` with `queue` (an agent who serves it becomes ready), \
			`product-agent-available` with `product` (an agent of a queue taking its category), `agent-available` \
			with `agent`, `queue-turn` with an optional `position` (1 to 50; 1: when an agent takes your contact), \
			`order-status` with an optional `order` number (none: any of your orders).""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
					@ExampleObject(name = "rules", summary = "four rules", value = ApiExamples.NEW_ALERT_RULES))))
	@ApiResponse(responseCode = "200", description = "The rules now held.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "rules", summary = "two rules",
					value = ApiExamples.ALERT_RULES)))
	@ProblemAnswers(exampleField = "rules[0].kind", refusals = ProblemAnswers.Refusal.UNKNOWN_SUBJECT)
	AlertRules putMyRules(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) AlertRulesInput input) {
		return replace(user, AlertSide.CUSTOMER, input);
	}

	// agents

	@GetMapping("/api/v1/agent/alerts")
	@Operation(operationId = "listAgentAlerts", summary = "Your alert inbox", description = INBOX)
	@ApiResponse(responseCode = "200", description = "The inbox.", useReturnTypeSchema = true, content = @Content(
			examples = @ExampleObject(name = "inbox", summary = "one alert", value = ApiExamples.ALERT_INBOX)))
	AlertInbox agentInbox(@AuthenticationPrincipal ParleyUser user) {
		return inbox(user);
	}

	@PostMapping("/api/v1/agent/alerts/{id}/dismiss")
	@Operation(operationId = "dismissAgentAlert", summary = "Dismiss an alert", description = DISMISS)
	@ApiResponse(responseCode = "200", description = "The alert, dismissed.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "dismissed", summary = "dismissed",
					value = ApiExamples.ALERT_DISMISSED)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "alert")
	AlertView agentDismiss(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return dismiss(user, id);
	}

	@GetMapping("/api/v1/agent/alert-rules")
	@Operation(operationId = "getAgentAlertRules", summary = "Your alert rules", description = GET_RULES + """
			 An agent's kinds: `customer-online` (`customer`), `transfer-arrives`, `invitation-reply`, \
			`customer-asks`.""")
	@ApiResponse(responseCode = "200", description = "The rules.", useReturnTypeSchema = true, content = @Content(
			examples = @ExampleObject(name = "rules", summary = "two rules", value = ApiExamples.ALERT_RULES)))
	AlertRules agentRules(@AuthenticationPrincipal ParleyUser user) {
		return rules(user, AlertSide.AGENT);
	}

	@PutMapping("/api/v1/agent/alert-rules")
	@Operation(operationId = "putAgentAlertRules", summary = "Set your alert rules", description = PUT_RULES + """
			An agent's kinds: `customer-online` with `customer` (a customer who lets agents see them comes online \
			in the portal), `transfer-arrives` (an interaction is transferred to you), `invitation-reply` (a \
			customer accepts or declines your invitation), `customer-asks` (a customer asks for you by name).""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
					@ExampleObject(name = "rules", summary = "four rules", value = ApiExamples.NEW_AGENT_ALERT_RULES))))
	@ApiResponse(responseCode = "200", description = "The rules now held.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "rules", summary = "two rules",
					value = ApiExamples.ALERT_RULES)))
	@ProblemAnswers(exampleField = "rules[0].kind", refusals = ProblemAnswers.Refusal.UNKNOWN_SUBJECT)
	AlertRules putAgentRules(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) AlertRulesInput input) {
		return replace(user, AlertSide.AGENT, input);
	}

	// supervisors

	@GetMapping("/api/v1/supervisor/alerts")
	@Operation(operationId = "listSupervisorAlerts", summary = "Your alert inbox", description = INBOX)
	@ApiResponse(responseCode = "200", description = "The inbox.", useReturnTypeSchema = true, content = @Content(
			examples = @ExampleObject(name = "inbox", summary = "one alert", value = ApiExamples.ALERT_INBOX)))
	AlertInbox supervisorInbox(@AuthenticationPrincipal ParleyUser user) {
		return inbox(user);
	}

	@PostMapping("/api/v1/supervisor/alerts/{id}/dismiss")
	@Operation(operationId = "dismissSupervisorAlert", summary = "Dismiss an alert", description = DISMISS)
	@ApiResponse(responseCode = "200", description = "The alert, dismissed.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "dismissed", summary = "dismissed",
					value = ApiExamples.ALERT_DISMISSED)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "alert")
	AlertView supervisorDismiss(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return dismiss(user, id);
	}

	@GetMapping("/api/v1/supervisor/alert-rules")
	@Operation(operationId = "getSupervisorAlertRules", summary = "Your alert rules", description = GET_RULES + """
			 A supervisor's kinds: `queue-wait`, `queue-size`, `service-level` (each with `queue`, or none for every \
			queue), `missed-offers` (`agent`, or none for every agent).""")
	@ApiResponse(responseCode = "200", description = "The rules.", useReturnTypeSchema = true, content = @Content(
			examples = @ExampleObject(name = "rules", summary = "two rules", value = ApiExamples.ALERT_RULES)))
	AlertRules supervisorRules(@AuthenticationPrincipal ParleyUser user) {
		return rules(user, AlertSide.SUPERVISOR);
	}

	@PutMapping("/api/v1/supervisor/alert-rules")
	@Operation(operationId = "putSupervisorAlertRules", summary = "Set your alert rules", description = PUT_RULES + """
			A supervisor's kinds, the wallboard's thresholds (`parley.status.alerts.*`) crossed: `queue-wait` (the \
			longest wait passes it), `queue-size` (contacts waiting reach it), `service-level` (it falls below \
			target), each with `queue` or none for every queue; `missed-offers` (an offer expires unanswered) with \
			`agent` or none for every agent.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
					@ExampleObject(name = "rules", summary = "four rules",
							value = ApiExamples.NEW_SUPERVISOR_ALERT_RULES))))
	@ApiResponse(responseCode = "200", description = "The rules now held.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "rules", summary = "two rules",
					value = ApiExamples.ALERT_RULES)))
	@ProblemAnswers(exampleField = "rules[0].kind", refusals = ProblemAnswers.Refusal.UNKNOWN_SUBJECT)
	AlertRules putSupervisorRules(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) AlertRulesInput input) {
		return replace(user, AlertSide.SUPERVISOR, input);
	}

	private AlertInbox inbox(ParleyUser user) {
		return new AlertInbox(alerts.unread(user.id()), alerts.inbox(user.id()).stream().map(AlertView::of).toList());
	}

	private AlertView dismiss(ParleyUser user, String id) {
		return AlertView.of(alerts.dismiss(user.id(), AlertId.parse(id)));
	}

	private AlertRules rules(ParleyUser user, AlertSide side) {
		return new AlertRules(alerts.rules(user.id(), side).stream().map(AlertRuleView::of).toList());
	}

	private AlertRules replace(ParleyUser user, AlertSide side, AlertRulesInput input) {
		List<NewAlertRule> rules = input == null || input.rules() == null ? null : input.rules().stream()
			.map(r -> r == null ? null : new NewAlertRule(r.kind(), r.queue(), r.product(), r.agent(), r.customer(),
					r.order(), r.position()))
			.toList();
		return new AlertRules(alerts.replaceRules(user.id(), side, rules).stream().map(AlertRuleView::of).toList());
	}
}
