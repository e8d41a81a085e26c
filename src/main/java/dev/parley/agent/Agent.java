package dev.parley.agent;

import java.util.List;
import java.util.Set;

import dev.parley.common.AgentId;
import dev.parley.common.Medium;

/** An agent: their account's display name, the group they work in, their skills and the media they handle. */
public record Agent(AgentId id, String displayName, String groupKey, List<Skill> skills, Set<Medium> media) {

	public Agent {
		skills = List.copyOf(skills);
		media = Set.copyOf(media);
	}
}
