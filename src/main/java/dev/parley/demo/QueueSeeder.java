package dev.parley.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.common.Medium;
import dev.parley.routing.QueueDefinition;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;

/**
 * One queue per agent group, so a demo customer's chat reaches a demo agent: sales (phones and plans), support
 * (computers, audio, smart home, TV) and care (billing, returns, complaints; the default, open round the clock). A
 * queue is open when its group is; each takes English-speaking agents (every demo agent speaks English at level 4 or
 * 5). Only what is missing is created, so seeding again changes nothing.
 */
@Component
class QueueSeeder implements DemoSeeder {

	/** English at this level at least: every demo agent has it. */
	static final RequiredSkill ENGLISH = new RequiredSkill("lang:en", 3);

	private record Seed(String key, QueueDefinition definition) {
	}

	private static final List<Seed> QUEUES = List.of(
			new Seed("sales", new QueueDefinition("Sales", "Advice before you buy: phones, mobile plans and services.",
					"sales", EnumSet.of(Medium.CHAT, Medium.VOICE, Medium.EMAIL), Set.of("phones", "services"),
					List.of(ENGLISH), RoutingStrategy.MOST_SKILLED, 0, 30, 3, 120, 30, false)),
			new Seed("support", new QueueDefinition("Technical support",
					"Set-up, faults and repairs: computers, audio, smart home and TV.", "support",
					EnumSet.allOf(Medium.class), Set.of("computers", "audio", "home", "tv"), List.of(ENGLISH),
					RoutingStrategy.MOST_SKILLED, 0, 30, 3, 180, 60, false)),
			new Seed("care", new QueueDefinition("Customer care",
					"Billing, returns, contracts and complaints, round the clock.", "care",
					EnumSet.of(Medium.CHAT, Medium.VOICE, Medium.EMAIL), Set.of(), List.of(ENGLISH),
					RoutingStrategy.LONGEST_IDLE, 0, 30, 3, 120, 30, true)));

	private final QueueManagement queues;
	private final AgentManagement agents;
	private final Catalog catalog;

	QueueSeeder(QueueManagement queues, AgentManagement agents, Catalog catalog) {
		this.queues = queues;
		this.agents = agents;
		this.catalog = catalog;
	}

	@Override
	public int order() {
		return 35;
	}

	@Override
	public void seed(DemoDataset dataset) {
		seedMissing();
	}

	boolean anyQueue() {
		return !queues.queues().isEmpty();
	}

	/** Creates the demo queues that do not exist yet, for the groups that do; the keys created. */
	List<String> seedMissing() {
		var groups = agents.groups().stream().map(g -> g.key()).toList();
		return QUEUES.stream()
			.filter(s -> groups.contains(s.definition().groupKey()) && queues.find(s.key()).isEmpty())
			.map(s -> queues.create(s.key(), withKnownCategories(s.definition()), null).key())
			.toList();
	}

	/** The catalog's categories only (all of them in the demo catalog). */
	private QueueDefinition withKnownCategories(QueueDefinition d) {
		Set<String> known = d.categories().stream().filter(catalog::categoryExists).collect(Collectors.toSet());
		return new QueueDefinition(d.name(), d.description(), d.groupKey(), d.media(), known, d.skills(), d.strategy(),
				d.priority(), d.offerTimeoutSeconds(), d.maxMissedOffers(), d.wrapUpSeconds(), d.serviceLevelSeconds(),
				d.defaultQueue());
	}
}
