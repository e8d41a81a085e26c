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

/**
 * The signed-in customer's interaction history: filtered and paged, or grouped by product and agent; one
 * record with its transcript; and the customer's rating of it. Dates of {@code from}/{@code to} are days in
 * {@code zone} (IANA, default UTC).
 */
@RestController
@RequestMapping("/api/v1/me/history")
class HistoryApiController {

	static final String GENERAL = "General";

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

	record ProductGroupView(UUID productId, String productName, int count, List<AgentGroupView> agents) {
		static ProductGroupView of(ProductInteractions g) {
			return new ProductGroupView(g.isGeneral() ? null : g.productId().value(),
					g.isGeneral() ? GENERAL : g.productName(), g.count(),
					g.agents().stream().map(AgentGroupView::of).toList());
		}
	}

	record GroupedView(List<ProductGroupView> groups, int page, int size, long total, int totalPages) {
	}

	record RatingRequest(Integer rating, String comment, Long version) {
	}

	@GetMapping
	PageResult<InteractionView> list(@AuthenticationPrincipal ParleyUser user,
			@RequestParam(required = false) String product, @RequestParam(required = false) String agent,
			@RequestParam(required = false) String medium, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String zone,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var filter = HistoryFilter.parse(product, agent, medium, from, to, HistoryFilter.zone(zone));
		return history.history(user.customerId(), filter, page, size).map(InteractionView::of);
	}

	@GetMapping("/grouped")
	GroupedView grouped(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String product,
			@RequestParam(required = false) String agent, @RequestParam(required = false) String medium,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var filter = HistoryFilter.parse(product, agent, medium, from, to, HistoryFilter.zone(zone));
		var grouped = history.grouped(user.customerId(), filter, page, size);
		return new GroupedView(grouped.groups().stream().map(ProductGroupView::of).toList(), grouped.page(),
				grouped.size(), grouped.total(), grouped.totalPages());
	}

	@GetMapping("/{id}")
	InteractionView one(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID id) {
		return InteractionView.of(history.get(user.customerId(), new InteractionRecordId(id)), true);
	}

	@PutMapping("/{id}/rating")
	InteractionView rate(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID id,
			@RequestBody RatingRequest request) {
		return InteractionView.of(history.rate(user.customerId(), new InteractionRecordId(id), request.rating(),
				request.comment(), request.version()), true);
	}
}
