package dev.parley.history;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.AgentId;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.common.PageResult;
import dev.parley.history.internal.InteractionRecordStore;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;

/**
 * A customer's interaction history: recorded by the modules that carry interactions, read by the customer
 * (filtered, paged, grouped by product and agent) and rated by the customer.
 */
@Service
public class InteractionHistory {

	private final InteractionRecordStore store;
	private final InteractionRules rules;
	private final Names names;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	InteractionHistory(InteractionRecordStore store, InteractionRules rules, Names names, AuditLog audit,
			Optional<Clock> clock, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.rules = rules;
		this.names = names;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Records a finished interaction. */
	@Transactional
	public InteractionRecord record(NewInteraction request) {
		return record(InteractionRecordId.random(), request);
	}

	/**
	 * Records a finished interaction under the given id, once: recording the same id again (an event delivered
	 * twice) changes nothing and returns the record kept.
	 */
	@Transactional
	public InteractionRecord record(InteractionRecordId id, NewInteraction request) {
		var kept = store.find(id);
		if (kept.isPresent()) {
			return kept.get();
		}
		rules.check(request);
		var record = new InteractionRecord(id, request.customerId(), request.productId(),
				request.agentId(), request.medium(), request.direction(), request.startedAt(), request.endedAt(),
				request.outcome(), request.summary().strip(), blankToNull(request.transcript()), null, null, null, 0);
		store.insert(record);
		return record;
	}

	/** The customer's records matching the filter, newest first, with product and agent names. */
	public PageResult<NamedInteraction> history(CustomerId customer, HistoryFilter filter, int page, int size) {
		PageResult.validate(page, size);
		var records = store.find(customer, filter, page, size);
		return new PageResult<>(names.of(records.items()), page, size, records.total());
	}

	/** One page of the customer's records (newest first), grouped by product then agent. */
	public GroupedHistory grouped(CustomerId customer, HistoryFilter filter, int page, int size) {
		var flat = history(customer, filter, page, size);
		return new GroupedHistory(HistoryGrouping.group(flat.items()), page, size, flat.total());
	}

	/** One of the customer's own records; another customer's record is "not found" like an unknown one. */
	public NamedInteraction get(CustomerId customer, InteractionRecordId id) {
		return names.of(List.of(own(customer, id))).get(0);
	}

	/** The products and agents of the customer's own history, by name, for filter forms. */
	public FilterChoices choices(CustomerId customer) {
		Map<dev.parley.catalog.ProductId, String> products = names.products(store.productsOf(customer));
		Map<AgentId, String> agents = names.agents(store.agentsOf(customer));
		return new FilterChoices(
				sorted(products.entrySet().stream().map(e -> new Choice(e.getKey().value(), e.getValue())).toList()),
				sorted(agents.entrySet().stream().map(e -> new Choice(e.getKey().value(), e.getValue())).toList()));
	}

	/**
	 * The customer rates one of their interactions (1 to 5, optional comment), editing {@code version};
	 * each changed field is written to the audit trail in the same transaction.
	 */
	@Transactional
	public NamedInteraction rate(CustomerId customer, InteractionRecordId id, Integer rating, String comment,
			Long version) {
		Rating.check(rating, comment).check(version == null, "version", "required", "must be given").throwIfAny();
		var current = own(customer, id);
		if (current.version() != version.longValue()) {
			throw ConflictException.stale("The interaction");
		}
		String newComment = Rating.normalizeComment(comment);
		if (Objects.equals(current.rating(), rating) && Objects.equals(current.ratingComment(), newComment)) {
			return get(customer, id);
		}
		var rated = current.rated(rating, newComment, Instant.now(clock));
		if (!store.updateRating(rated, version)) {
			throw ConflictException.stale("The interaction");
		}
		auditRating(customer, current, rated);
		events.publishEvent(new InteractionRated(rated.id(), customer, rated.rating(), rated.ratedAt()));
		return names.of(List.of(rated)).get(0);
	}

	private void auditRating(CustomerId customer, InteractionRecord before, InteractionRecord after) {
		var change = AuditChange.of(new AccountId(customer.value()), customer.value(), "interaction", before.id().toString(), "rate");
		audit.record(change.field("rating", before.rating(), after.rating()));
		if (!Objects.equals(before.ratingComment(), after.ratingComment())) {
			audit.record(change.field("comment", before.ratingComment(), after.ratingComment()));
		}
	}

	private InteractionRecord own(CustomerId customer, InteractionRecordId id) {
		return store.find(id).filter(r -> r.belongsTo(customer))
			.orElseThrow(() -> new NotFoundException("interaction"));
	}

	private static List<Choice> sorted(List<Choice> choices) {
		return choices.stream().sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
