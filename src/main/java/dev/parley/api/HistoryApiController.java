package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.PageResult;
import dev.parley.history.AgentInteractions;
import dev.parley.history.Direction;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.history.InteractionRecordId;
import dev.parley.common.Medium;
import dev.parley.history.NamedInteraction;
import dev.parley.common.Outcome;
import dev.parley.history.ProductInteractions;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in customer's interaction history: filtered and paged, or grouped by product and agent; one
 * record with its transcript; and the customer's rating of it. Dates of {@code from}/{@code to} are days in
 * {@code zone} (IANA, default UTC).
 */
@RestController
@RequestMapping("/api/v1/me/history")
@Tag(name = "History", description = "The customer's own interactions with the center and their ratings.")
class HistoryApiController {

	static final String GENERAL = "General";

	private static final String FILTERS = """
			Filters, all optional and combined: `product`, `agent`, `medium`, and `from`/`to` as calendar \
			days in `zone`. Newest first, paged by `page` and `size`. Interactions about no product are under \
			`General`. Changes nothing.""";

	private static final String INVALID_FILTER = "A filter is invalid: `product` or `agent` is not an id, "
			+ "`medium` is not one of CHAT, VOICE, EMAIL, VIDEO, a date is not yyyy-MM-dd or `from` is after `to`, "
			+ "`zone` is not an IANA time zone, `page` is negative or `size` is outside 1 to 200.";

	private final InteractionHistory history;

	HistoryApiController(InteractionHistory history) {
		this.history = history;
	}

	record InteractionView(UUID id, UUID productId, String productName, UUID agentId, String agentName,
			Medium medium, Direction direction, Instant startedAt, Instant endedAt, Outcome outcome, String summary,
			String transcript, Integer rating, String ratingComment, Instant ratedAt, long version) {
		static InteractionView of(NamedInteraction n, boolean withTranscript) {
			var r = n.record();
			return new InteractionView(r.id().value(), r.productId() == null ? null : r.productId().value(),
					n.productName() == null ? GENERAL : n.productName(), r.agentId().value(), n.agentName(), r.medium(),
					r.direction(), r.startedAt(), r.endedAt(), r.outcome(), r.summary(),
					withTranscript ? r.transcript() : null, r.rating(), r.ratingComment(), r.ratedAt(), r.version());
		}

		static InteractionView of(NamedInteraction n) {
			return of(n, false);
		}
	}

	record AgentGroupView(UUID agentId, String agentName, int count, List<InteractionView> interactions) {
		static AgentGroupView of(AgentInteractions g) {
			return new AgentGroupView(g.agentId().value(), g.agentName(), g.count(),
					g.interactions().stream().map(InteractionView::of).toList());
		}
	}

	record ProductInteractionsView(UUID productId, String productName, int count, List<AgentGroupView> agents) {
		static ProductInteractionsView of(ProductInteractions g) {
			return new ProductInteractionsView(g.isGeneral() ? null : g.productId().value(),
					g.isGeneral() ? GENERAL : g.productName(), g.count(),
					g.agents().stream().map(AgentGroupView::of).toList());
		}
	}

	record GroupedView(List<ProductInteractionsView> groups, int page, int size, long total, int totalPages) {
	}

	record RatingRequest(Integer rating, String comment, Long version) {
	}

	@GetMapping
	@Operation(operationId = "listMyHistory", summary = "List your interactions", description = """
			The caller's past interactions with the center (chat, voice, email, video), each with its \
			product, agent, medium, direction, times, outcome, summary and rating; transcripts only in the \
			single read. """ + FILTERS)
	@ApiResponse(responseCode = "200", description = "One page of interactions.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "page", summary = "one interaction",
					value = ApiExamples.HISTORY_PAGE)))
	@ProblemAnswers(invalid = INVALID_FILTER)
	PageResult<InteractionView> list(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "Only interactions about this product (its id).",
					example = "d81dafcd-ad1c-4aa3-b2a3-fe9366a5d3ca") @RequestParam(required = false) String product,
			@Parameter(description = "Only interactions with this agent (the agent's id).",
					example = "3481cdb4-035b-418e-8496-c95f440e6ccc") @RequestParam(required = false) String agent,
			@Parameter(description = "Only this medium: CHAT, VOICE, EMAIL or VIDEO (any case).", example = "CHAT")
			@RequestParam(required = false) String medium,
			@Parameter(description = "First day included, yyyy-MM-dd in `zone`.", example = "2026-10-01")
			@RequestParam(required = false) String from,
			@Parameter(description = "Last day included, yyyy-MM-dd in `zone`.", example = "2026-10-31")
			@RequestParam(required = false) String to,
			@Parameter(description = "IANA time zone of `from` and `to`; default UTC.", example = "Europe/London")
			@RequestParam(required = false) String zone,
			@Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Interactions per page, 1 to 200.") @RequestParam(defaultValue = "20") int size) {
		var filter = HistoryFilter.parse(product, agent, medium, from, to, HistoryFilter.zone(zone));
		return history.history(user.customerId(), filter, page, size).map(InteractionView::of);
	}

	@GetMapping("/grouped")
	@Operation(operationId = "listMyHistoryGrouped", summary = "List your interactions by product and agent",
			description = """
					One page of the caller's interactions (the same page as the plain list) grouped by \
					product, then by agent within each product, with counts, as the history page shows \
					them. """ + FILTERS)
	@ApiResponse(responseCode = "200", description = "One page, grouped.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "grouped", summary = "one product, one agent",
					value = ApiExamples.HISTORY_GROUPED)))
	@ProblemAnswers(invalid = INVALID_FILTER)
	GroupedView grouped(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "Only interactions about this product (its id).",
					example = "d81dafcd-ad1c-4aa3-b2a3-fe9366a5d3ca") @RequestParam(required = false) String product,
			@Parameter(description = "Only interactions with this agent (the agent's id).",
					example = "3481cdb4-035b-418e-8496-c95f440e6ccc") @RequestParam(required = false) String agent,
			@Parameter(description = "Only this medium: CHAT, VOICE, EMAIL or VIDEO (any case).", example = "CHAT")
			@RequestParam(required = false) String medium,
			@Parameter(description = "First day included, yyyy-MM-dd in `zone`.", example = "2026-10-01")
			@RequestParam(required = false) String from,
			@Parameter(description = "Last day included, yyyy-MM-dd in `zone`.", example = "2026-10-31")
			@RequestParam(required = false) String to,
			@Parameter(description = "IANA time zone of `from` and `to`; default UTC.", example = "Europe/London")
			@RequestParam(required = false) String zone,
			@Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Interactions per page, 1 to 200.") @RequestParam(defaultValue = "20") int size) {
		var filter = HistoryFilter.parse(product, agent, medium, from, to, HistoryFilter.zone(zone));
		var grouped = history.grouped(user.customerId(), filter, page, size);
		return new GroupedView(grouped.groups().stream().map(ProductInteractionsView::of).toList(), grouped.page(),
				grouped.size(), grouped.total(), grouped.totalPages());
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getMyInteraction", summary = "Read one of your interactions", description = """
			One interaction of the caller with everything the list shows plus its `transcript`, and the \
			`version` to send with a rating. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The interaction with its transcript.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "interaction",
					summary = "a rated chat", value = ApiExamples.INTERACTION)))
	@ProblemAnswers(notFound = "No such interaction of the caller (another customer's answers the same).",
			subject = "interaction")
	InteractionView one(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "The interaction's id.", example = "86dd04e5-ad07-4610-a477-89206bdba935")
			@PathVariable UUID id) {
		return InteractionView.of(history.get(user.customerId(), new InteractionRecordId(id)), true);
	}

	@PutMapping("/{id}/rating")
	@Operation(operationId = "rateMyInteraction", summary = "Rate one of your interactions", description = """
			Sets (or changes) the caller's rating of an interaction: `rating` 1 to 5 and an optional \
			`comment` (at most 1000 characters; blank removes it), with the interaction's `version`. The \
			rating, and the comment when it changed, are written to the audit trail in the same \
			transaction; sending the same rating again changes nothing. Answers the interaction as saved.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "rating", summary = "four of five", value = ApiExamples.RATING))))
	@ApiResponse(responseCode = "200", description = "The interaction with the rating.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "rated", summary = "rated",
					value = ApiExamples.INTERACTION)))
	@ProblemAnswers(notFound = "No such interaction of the caller (another customer's answers the same).",
			subject = "interaction", conflicts = ProblemAnswers.Conflict.STALE)
	InteractionView rate(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "The interaction's id.", example = "86dd04e5-ad07-4610-a477-89206bdba935")
			@PathVariable UUID id, @RequestBody RatingRequest request) {
		return InteractionView.of(history.rate(user.customerId(), new InteractionRecordId(id), request.rating(),
				request.comment(), request.version()), true);
	}
}
