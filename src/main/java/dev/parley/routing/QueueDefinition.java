package dev.parley.routing;

import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/**
 * What an administrator sets on a queue: every field but the key, with times in seconds. Null numbers take
 * the defaults (priority 0, offer timeout 20 s, 3 missed offers, wrap-up 120 s, service level 20 s).
 */
public record QueueDefinition(String name, String description, String groupKey, Set<Medium> media,
		Set<String> categories, List<RequiredSkill> skills, RoutingStrategy strategy, Integer priority,
		Integer offerTimeoutSeconds, Integer maxMissedOffers, Integer wrapUpSeconds, Integer serviceLevelSeconds,
		Boolean defaultQueue) {
}
