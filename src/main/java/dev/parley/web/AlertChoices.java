package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.parley.agent.AgentManagement;
import dev.parley.alerts.AlertRule;
import dev.parley.alerts.AlertSide;
import dev.parley.catalog.Catalog;
import dev.parley.common.CustomerId;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.orders.Orders;
import dev.parley.presence.PresencePrivacy;
import dev.parley.routing.QueueManagement;

/** What the rules page offers to choose from (queues, products, agents, orders, customers) and rules' names. */
@Component
class AlertChoices {

	/** One held rule as the page lists it. */
	record RuleLine(String id, String kind, String subject, Integer position) {
	}

	private final QueueManagement queues;
	private final Catalog catalog;
	private final AgentManagement agents;
	private final Orders orders;
	private final PresencePrivacy privacy;
	private final IdentityManagement identity;

	AlertChoices(QueueManagement queues, Catalog catalog, AgentManagement agents, Orders orders,
			PresencePrivacy privacy, IdentityManagement identity) {
		this.queues = queues;
		this.catalog = catalog;
		this.agents = agents;
		this.orders = orders;
		this.privacy = privacy;
		this.identity = identity;
	}

	void fill(dev.parley.security.ParleyUser user, AlertSide side, Model model) {
		Map<String, String> queueChoices = new LinkedHashMap<>();
		queues.queues().forEach(q -> queueChoices.put(q.key(), q.name()));
		model.addAttribute("queueChoices", queueChoices);
		Map<String, String> agentChoices = new LinkedHashMap<>();
		if (side != AlertSide.AGENT) {
			agents.agents(null).forEach(a -> agentChoices.put(a.id().toString(), a.displayName()));
		}
		model.addAttribute("agentChoices", agentChoices);
		Map<String, String> productChoices = new LinkedHashMap<>();
		Map<String, String> orderChoices = new LinkedHashMap<>();
		if (side == AlertSide.CUSTOMER) {
			catalog.categories().forEach(c -> catalog.products(c.key())
				.forEach(p -> productChoices.put(p.id().value().toString(), p.name())));
			orders.list(new CustomerId(user.id()), null, 0, 200).items().forEach(o -> orderChoices.put(o.number(),
					o.number()));
		}
		model.addAttribute("productChoices", productChoices);
		model.addAttribute("orderChoices", orderChoices);
		Map<String, String> customerChoices = new LinkedHashMap<>();
		if (side == AlertSide.AGENT) {
			privacy.watchableByAgent(user.id(), 200).forEach(c -> customerChoices.put(c.toString(), name(c)));
		}
		model.addAttribute("customerChoices", customerChoices);
	}

	/** What a held rule names, for people: a queue's, product's, agent's or customer's name, an order number. */
	String subjectName(AlertRule r) {
		if (r.subject() == null) {
			return null;
		}
		return switch (r.kind().subject()) {
			case QUEUE -> queues.find(r.subject()).map(q -> q.name()).orElse(r.subject());
			case PRODUCT -> catalog.find(new dev.parley.catalog.ProductId(UUID.fromString(r.subject())))
				.map(p -> p.name()).orElse(r.subject());
			case AGENT, CUSTOMER -> name(UUID.fromString(r.subject()));
			default -> r.subject();
		};
	}

	private String name(UUID account) {
		return identity.find(new AccountId(account)).map(a -> a.displayName()).orElse(account.toString());
	}
}
