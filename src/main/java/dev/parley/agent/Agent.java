package dev.parley.agent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.common.AgentId;
import dev.parley.common.Medium;

/**
 * An agent: their account's display name, the group they work in, their skills, and the media they handle
 * with how many contacts of each they take at once (chat 3, voice 1, ...).
 */
public record Agent(AgentId id, String displayName, String groupKey, List<Skill> skills,
		Map<Medium, Integer> capacities) {

	public Agent {
		skills = List.copyOf(skills);
		capacities = capacities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(capacities));
	}

	/** The media the agent handles. */
	public Set<Medium> media() {
		return capacities.keySet();
	}

	/** How many contacts of this medium the agent takes at once; 0 for a medium they do not handle. */
	public int capacity(Medium medium) {
		return capacities.getOrDefault(medium, 0);
	}

	/** The agent's level in a skill, 0 when they do not have it. */
	public int level(String skill) {
		return skills.stream().filter(s -> s.key().equals(skill)).mapToInt(Skill::level).findFirst().orElse(0);
	}

	/** Contacts of a medium an agent takes at once unless told otherwise. */
	public static int defaultCapacity(Medium medium) {
		return switch (medium) {
			case CHAT -> 3;
			case EMAIL -> 5;
			case VOICE, VIDEO -> 1;
		};
	}
}
