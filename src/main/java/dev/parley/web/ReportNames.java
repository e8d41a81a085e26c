package dev.parley.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.NotFoundException;
import dev.parley.reports.Dimension;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;

/** The names people read for reports' row keys (a queue, product, agent or medium), contacts' and invitations' alike. */
@Component
class ReportNames {

	private final QueueManagement queues;
	private final Catalog catalog;
	private final AgentManagement agents;
	private final MessageSource messages;

	ReportNames(QueueManagement queues, Catalog catalog, AgentManagement agents, MessageSource messages) {
		this.queues = queues;
		this.catalog = catalog;
		this.agents = agents;
		this.messages = messages;
	}

	/** Names keys of one report: build once per report, then ask per row. */
	java.util.function.Function<String, String> namer(Dimension by, Locale locale) {
		Map<String, String> queueNames = new HashMap<>();
		if (by == Dimension.QUEUE) {
			for (Queue q : queues.queues()) {
				queueNames.put(q.key(), q.name());
			}
		}
		String none = messages.getMessage("reports.none", null, locale);
		return key -> key.equals("none") ? none : switch (by) {
			case DAY -> key;
			case QUEUE -> queueNames.getOrDefault(key, key);
			case MEDIUM -> messages.getMessage("medium." + key.toUpperCase(Locale.ROOT), null, key, locale);
			case PRODUCT -> catalog.find(new ProductId(UUID.fromString(key))).map(p -> p.name()).orElse(key);
			case AGENT -> agentName(key);
		};
	}

	private String agentName(String id) {
		try {
			return agents.agent(new AgentId(UUID.fromString(id))).displayName();
		}
		catch (NotFoundException e) {
			return id;
		}
	}
}
