package dev.parley.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.common.Violations;
import dev.parley.orders.Orders;
import dev.parley.presence.PresencePrivacy;
import dev.parley.routing.QueueManagement;

/**
 * Checks a whole set of rules before any is stored: its shape first (every field of every rule, 400 naming each),
 * then that what they name exists for the owner (422 {@code unknown-subject} naming the first field that does not:
 * an unknown queue, product or agent, an order that is not the customer's, a customer who does not let agents see
 * them, all alike).
 */
@Component
class AlertRuleCheck {

	static final int MAX_RULES = 50;
	static final int MAX_POSITION = 50;
	private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
	private static final Pattern ORDER = Pattern.compile("[A-Z]{2,4}-\\d{1,12}");

	private final QueueManagement queues;
	private final Catalog catalog;
	private final AgentManagement agents;
	private final Orders orders;
	private final PresencePrivacy privacy;

	AlertRuleCheck(QueueManagement queues, Catalog catalog, AgentManagement agents, Orders orders,
			PresencePrivacy privacy) {
		this.queues = queues;
		this.catalog = catalog;
		this.agents = agents;
		this.orders = orders;
		this.privacy = privacy;
	}

	List<AlertRule> check(UUID account, AlertSide side, List<NewAlertRule> input, Instant now) {
		var v = new Violations();
		v.check(input == null, "rules", "required", "must be given (an empty list removes every rule)");
		v.check(input != null && input.size() > MAX_RULES, "rules", "range", "at most " + MAX_RULES + " rules");
		v.throwIfAny();
		List<AlertKind> kinds = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			kinds.add(shape(input.get(i), "rules[" + i + "]", side, v));
		}
		v.throwIfAny();
		List<AlertRule> rules = new ArrayList<>();
		Set<List<Object>> seen = new HashSet<>();
		for (int i = 0; i < input.size(); i++) {
			AlertRule rule = resolve(account, kinds.get(i), input.get(i), "rules[" + i + "]", now);
			v.check(!seen.add(List.of(rule.kind(), Objects.toString(rule.subject()))), "rules[" + i + "]", "duplicate",
					"the same rule is given twice");
			rules.add(rule);
		}
		v.throwIfAny();
		return rules;
	}

	/** The rule's fields, without asking whether what they name exists. */
	private static AlertKind shape(NewAlertRule r, String at, AlertSide side, Violations v) {
		if (r == null) {
			v.add(at, "required", "must be a rule");
			return null;
		}
		AlertKind kind = AlertKind.ofToken(r.kind());
		if (r.kind() == null || r.kind().isBlank()) {
			v.add(at + ".kind", "required", "must not be blank");
		}
		else if (kind == null || kind.side() != side) {
			v.add(at + ".kind", "invalid", "must be one of " + tokens(side));
		}
		if (kind == null || kind.side() != side) {
			return null;
		}
		Map<AlertKind.Subject, String> given = new java.util.EnumMap<>(AlertKind.Subject.class);
		put(given, AlertKind.Subject.QUEUE, r.queue());
		put(given, AlertKind.Subject.PRODUCT, r.product());
		put(given, AlertKind.Subject.AGENT, r.agent());
		put(given, AlertKind.Subject.CUSTOMER, r.customer());
		put(given, AlertKind.Subject.ORDER, r.order());
		given.keySet().stream().filter(s -> s != kind.subject()).forEach(s -> v.add(at + "." + field(s), "not-allowed",
				"a " + kind.token() + " rule takes no " + field(s)));
		String subject = given.get(kind.subject());
		String field = at + "." + field(kind.subject());
		v.check(kind.subjectRequired() && subject == null, field, "required", "a " + kind.token() + " rule names one");
		if (subject != null) {
			switch (kind.subject()) {
				case QUEUE -> v.check(!QUEUE.matcher(subject).matches(), field, "format", "must be a queue key");
				case ORDER -> v.check(!ORDER.matcher(subject).matches(), field, "format", "must be an order number such as PO-100042");
				case PRODUCT, AGENT, CUSTOMER -> v.check(uuid(subject) == null, field, "format", "must be an id (UUID)");
				default -> { }
			}
		}
		if (r.position() != null) {
			v.check(kind != AlertKind.QUEUE_TURN, at + ".position", "not-allowed", "only a queue-turn rule takes a position");
			v.check(r.position() < 1 || r.position() > MAX_POSITION, at + ".position", "range",
					"must be between 1 and " + MAX_POSITION);
		}
		return kind;
	}

	/** What the rule names, and the key the index files it under; 422 when it names nothing the owner may watch. */
	private AlertRule resolve(UUID account, AlertKind kind, NewAlertRule r, String at, Instant now) {
		String subject = switch (kind.subject()) {
			case QUEUE -> r.queue();
			case PRODUCT -> r.product();
			case AGENT -> r.agent();
			case CUSTOMER -> r.customer();
			case ORDER -> r.order();
			case NONE -> null;
		};
		String field = at + "." + field(kind.subject());
		String key = switch (kind.subject()) {
			case NONE -> account.toString();
			case ORDER -> {
				if (subject != null && orders.list(new CustomerId(account), null, 0, 200).items().stream()
					.noneMatch(o -> o.number().equals(subject))) {
					throw unknown(field, "You have no order " + subject);
				}
				yield account.toString();
			}
			case QUEUE -> {
				if (subject != null && queues.find(subject).isEmpty()) {
					throw unknown(field, "There is no queue " + subject);
				}
				yield subject == null ? AlertRule.ANY : subject;
			}
			case PRODUCT -> catalog.find(new ProductId(uuid(subject))).map(p -> p.categoryKey())
				.orElseThrow(() -> unknown(field, "There is no product " + subject));
			case AGENT -> {
				if (subject != null) {
					try {
						agents.agent(new AgentId(uuid(subject)));
					}
					catch (NotFoundException e) {
						throw unknown(field, "There is no agent " + subject);
					}
				}
				yield subject == null ? AlertRule.ANY : uuid(subject).toString();
			}
			case CUSTOMER -> {
				UUID customer = uuid(subject);
				if (!privacy.watchableByAgent(account, 10_000).contains(customer)) {
					throw unknown(field, "No customer " + subject + " lets agents see them");
				}
				yield customer.toString();
			}
		};
		Integer position = kind == AlertKind.QUEUE_TURN ? (r.position() == null ? 1 : r.position()) : null;
		String stored = subject != null && (kind.subject() == AlertKind.Subject.AGENT
				|| kind.subject() == AlertKind.Subject.CUSTOMER || kind.subject() == AlertKind.Subject.PRODUCT)
						? uuid(subject).toString() : subject;
		return new AlertRule(AlertRuleId.random(), account, kind, stored, key, position, now);
	}

	private static RefusedException unknown(String field, String message) {
		return new RefusedException(RefusedException.Kind.CANNOT_SERVE, "unknown-subject", message, 0,
				Map.of("field", field));
	}

	private static void put(Map<AlertKind.Subject, String> given, AlertKind.Subject subject, String value) {
		if (value != null && !value.isBlank()) {
			given.put(subject, value.strip());
		}
	}

	static String field(AlertKind.Subject subject) {
		return subject.name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String tokens(AlertSide side) {
		return java.util.Arrays.stream(AlertKind.values()).filter(k -> k.side() == side).map(AlertKind::token)
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private static UUID uuid(String text) {
		try {
			return text == null ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
