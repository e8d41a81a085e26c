package dev.parley.agent;

import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/** A request to create a group, with its first schedule. */
public record NewGroup(String key, String name, String description, Set<Medium> media, String timeZone,
		List<HoursEntry> hours, List<ClosureEntry> closures) {
}
