package dev.parley.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.HoursEntry;
import dev.parley.agent.NewAgent;
import dev.parley.agent.NewGroup;
import dev.parley.agent.Skill;
import dev.parley.common.Medium;
import dev.parley.identity.AccountId;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import tools.jackson.databind.JsonNode;

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

	/** An API token of the agent, who is set ready through the API. */
	public static String readyToken(ApiClient api, TokenManagement tokens, Agent agent) {
		String token = tokens.issue(new AccountId(agent.id().value()), "test", null).secret();
		var ready = api.put("/api/v1/agent/state", token, ApiClient.json(Map.of("state", "ready")));
		if (ready.status() != 200) {
			throw new AssertionError("agent not set ready: " + ready.status() + " " + ready.body());
		}
		return token;
	}

	/** Waits for the agent's offer of the interaction and accepts it through the API. */
	public static void accept(ApiClient api, String token, String interaction) {
		JsonNode offer = Eventually.value(() -> {
			for (JsonNode o : api.get("/api/v1/agent/offers", token).json()) {
				if (o.get("interaction").get("id").asString().equals(interaction)) {
					return o;
				}
			}
			return null;
		});
		var accepted = api.post("/api/v1/agent/offers/" + offer.get("id").asString() + "/accept", token, "");
		if (accepted.status() != 200) {
			throw new AssertionError("offer not accepted: " + accepted.status() + " " + accepted.body());
		}
	}
}
