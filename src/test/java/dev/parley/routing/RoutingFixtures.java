package dev.parley.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.HoursEntry;
import dev.parley.agent.NewAgent;
import dev.parley.agent.NewGroup;
import dev.parley.agent.Skill;
import dev.parley.common.Medium;
import dev.parley.testing.AccountFixtures;

/** Groups open round the clock, queues in them and agents, for tests; each call makes fresh keys. */
public final class RoutingFixtures {

	private RoutingFixtures() {
	}

	/** A group open every day from 00:00 to 24:00 (UTC) offering every medium; its key. */
	public static String openGroup(AgentManagement agents) {
		String key = "g" + UUID.randomUUID().toString().substring(0, 8);
		List<HoursEntry> hours = new ArrayList<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.add(new HoursEntry(day, "00:00", "24:00"));
		}
		agents.createGroup(new NewGroup(key, "Group " + key, null, EnumSet.allOf(Medium.class), "UTC", hours, List.of()),
				null);
		return key;
	}

	/** A group that is never open; its key. */
	public static String closedGroup(AgentManagement agents) {
		String key = "c" + UUID.randomUUID().toString().substring(0, 8);
		agents.createGroup(new NewGroup(key, "Closed " + key, null, EnumSet.allOf(Medium.class), "UTC", List.of(),
				List.of()), null);
		return key;
	}

	public static Queue queue(QueueManagement queues, String group, Set<Medium> media, RoutingStrategy strategy,
			int offerTimeoutSeconds, RequiredSkill... skills) {
		String key = "q" + UUID.randomUUID().toString().substring(0, 8);
		return queues.create(key, new QueueDefinition("Queue " + key, null, group, media, Set.of(), List.of(skills),
				strategy, 0, offerTimeoutSeconds, 3, 60, 20, false), null);
	}

	public static Agent agent(AgentManagement agents, String group, Skill... skills) {
		return agents.hire(new NewAgent(AccountFixtures.uniqueName("agent"), AccountFixtures.PASSWORD, "Agent "
				+ UUID.randomUUID().toString().substring(0, 4), group, List.of(skills), EnumSet.allOf(Medium.class)), null);
	}
}
