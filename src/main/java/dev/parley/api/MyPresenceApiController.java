package dev.parley.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.pidf.PresentityUris;
import dev.parley.presence.PortalPresence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.presence.PresencePrivacy.WatcherRuleInput;
import dev.parley.presence.PresenceReading;
import dev.parley.presence.PresentityId;
import dev.parley.presence.StatusChoice;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in customer's own presence: the status they set, who watches them and who asks to (RFC
 * 3857), approve and deny, and their access and visibility rules (RFC 5025 in miniature).
 */
@RestController
@RequestMapping("/api/v1/me/presence")
@Tag(name = "Presence")
class MyPresenceApiController {

	private static final String WATCHER = "The watcher's subscription id, `s<number>`, from the watcher list.";

	private static final String NO_SUBSCRIPTION = "No such subscription watching the caller (or it has ended).";

	record ChoiceBody(String status, List<String> activities, String note) {
	}

	record MyPresence(String status, List<String> activities, String note, PresenceJson current) {
	}

	record RulesBody(Map<String, RuleInput> groups, List<WatcherRuleInput> watchers, Long version) {
	}

	private final PortalPresence portal;
	private final PresencePrivacy privacy;
	private final PresenceReading reading;
	private final PresentityUris uris;

	MyPresenceApiController(PortalPresence portal, PresencePrivacy privacy, PresenceReading reading,
			PresentityUris uris) {
		this.portal = portal;
		this.privacy = privacy;
		this.reading = reading;
		this.uris = uris;
	}

	@GetMapping
	@Operation(operationId = "getMyPresence", summary = "Read your presence", description = """
			The status the caller chose (open or closed = appear offline, activities, note) and the presence \
			document as they themselves see it now: open while a portal tab of theirs is open, away when every \
			tab is idle, in a meeting while a busy exception of their agenda runs. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "Your choice and your current presence.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "presence",
					summary = "at lunch", value = ApiExamples.MY_PRESENCE)))
	MyPresence get(@AuthenticationPrincipal ParleyUser user) {
		return view(user, portal.choice(user.id()));
	}

	@PutMapping
	@Operation(operationId = "setMyPresence", summary = "Set your status", description = """
			Stores the caller's chosen `status` (`open`, or `closed` to appear offline), up to a few RPID \
			`activities` a person may choose (e.g. `away`, `meal`, `meeting`, `on-the-phone`, `vacation`) \
			and a `note`; it lasts until changed, across sign-ins. Everyone allowed to watch the caller (pages, \
			SIP subscribers) is notified at once, each with the view their rule gives. Answers the choice and \
			the resulting presence.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "choice", summary = "at lunch", value = ApiExamples.CHOICE))))
	@ApiResponse(responseCode = "200", description = "Your choice and your current presence.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "presence",
					summary = "at lunch", value = ApiExamples.MY_PRESENCE)))
	MyPresence put(@AuthenticationPrincipal ParleyUser user, @RequestBody(required = false) ChoiceBody body) {
		ChoiceBody b = body == null ? new ChoiceBody(null, null, null) : body;
		return view(user, portal.choose(user.id(), b.status(), b.activities(), b.note()));
	}

	@GetMapping("/watchers")
	@Operation(operationId = "listMyWatchers", summary = "List who watches you", description = """
			Every subscription to the caller's presence (RFC 3857 watcher information) except their own tabs \
			and devices: the watcher's URI and name, class (customer, agent, supervisor, ...), status \
			(`pending` waiting for approval, `active`, ...), the last event, seconds until it expires and the \
			rule that decides it. Supervisors' watching is not listed when the center keeps it invisible. \
			Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The watchers.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "watchers", summary = "an agent asking",
					value = ApiExamples.WATCHERS)))
	List<PresenceApiViews.WatcherJson> watchers(@AuthenticationPrincipal ParleyUser user) {
		return privacy.watchers(user.id()).stream().map(PresenceApiViews.WatcherJson::of).toList();
	}

	@PostMapping("/watchers/{watcher}/approve")
	@Operation(operationId = "approveMyWatcher", summary = "Let a pending watcher see you", description = """
			Approves a subscription waiting for the caller's decision: it becomes active and is sent the \
			caller's presence at once, with the visibility the caller's rules give that watcher (basic \
			open/closed when none does). An allow rule for that watcher is remembered, so it is not asked \
			again.""")
	@ApiResponse(responseCode = "204", description = "The watcher is approved.")
	@ProblemAnswers(notFound = NO_SUBSCRIPTION, subject = "subscription",
			conflicts = ProblemAnswers.Conflict.NOT_PENDING)
	ResponseEntity<Void> approve(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = WATCHER, example = "s12") @PathVariable String watcher) {
		privacy.approve(user.id(), watcher);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/watchers/{watcher}/deny")
	@Operation(operationId = "denyMyWatcher", summary = "Refuse or stop a watcher", description = """
			Refuses a pending subscription, or ends an active one: it is terminated (reason `rejected`) and \
			a block rule for that watcher is remembered, so it sees nothing of the caller until the rules \
			change.""")
	@ApiResponse(responseCode = "204", description = "The watcher is refused.")
	@ProblemAnswers(notFound = NO_SUBSCRIPTION, subject = "subscription")
	ResponseEntity<Void> deny(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = WATCHER, example = "s12") @PathVariable String watcher) {
		privacy.deny(user.id(), watcher);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/rules")
	@Operation(operationId = "getMyPresenceRules", summary = "Read your presence rules", description = """
			The caller's access and visibility rules: one per class of watcher (`agents`, `supervisors`, \
			`others`) and any for single watchers, which win over their class's. `handling` is `allow`, \
			`confirm` (ask the caller), `polite-block` (seems allowed, sees nothing) or `block`; `visibility` \
			is `full`, `basic` (open/closed only) or `nothing`. With the `version` to send back. Changes \
			nothing.""")
	@ApiResponse(responseCode = "200", description = "The rules.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "rules", summary = "agents must ask",
					value = ApiExamples.RULES)))
	PresenceApiViews.RulesJson rules(@AuthenticationPrincipal ParleyUser user) {
		return PresenceApiViews.RulesJson.of(privacy.rules(user.id()));
	}

	@PutMapping("/rules")
	@Operation(operationId = "setMyPresenceRules", summary = "Replace your presence rules", description = """
			Replaces the rule of each class of watcher (`groups`: `agents`, `supervisors` and `others`, all \
			three required) and, when `watchers` is given, every rule for a single watcher, with the rules' \
			`version`. Every subscription to the caller is decided again at once: it gets the view its new \
			rule gives, goes back to pending, or ends. Answers the rules as saved.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "rules", summary = "agents must ask",
							value = ApiExamples.RULES_REQUEST))))
	@ApiResponse(responseCode = "200", description = "The rules as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "rules", summary = "as saved",
					value = ApiExamples.RULES)))
	@ProblemAnswers(conflicts = ProblemAnswers.Conflict.STALE)
	PresenceApiViews.RulesJson putRules(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) RulesBody body) {
		RulesBody b = body == null ? new RulesBody(null, null, null) : body;
		return PresenceApiViews.RulesJson.of(privacy.updateRules(user.id(), b.groups(), b.watchers(), b.version()));
	}

	private MyPresence view(ParleyUser user, StatusChoice choice) {
		PresenceDocument current = reading.fetch(user.id(), user.role(), PresentityId.customer(user.id()));
		return new MyPresence(choice.status().name().toLowerCase(java.util.Locale.ROOT),
				PresenceJson.tokens(choice.activities()), choice.note(), PresenceJson.of(current, uris));
	}
}
