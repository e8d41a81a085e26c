package dev.parley.agent;

import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/** A request to hire an agent: their sign-in, name, group, skills and media. */
public record NewAgent(String username, String password, String displayName, String groupKey, List<Skill> skills,
		Set<Medium> media) {
}
