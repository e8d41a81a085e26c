package dev.parley.routing;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/**
 * A queue of an agent group: the media and product categories it serves, the skills its agents need, how it
 * routes, how long an offer waits for an answer ({@code offerTimeout}), how many missed offers in a row set an
 * agent not ready, how long wrap-up may take, and its service-level target. One queue is the default.
 */
public record Queue(String key, String name, String description, String groupKey, Set<Medium> media,
		Set<String> categories, List<RequiredSkill> skills, RoutingStrategy strategy, int priority,
		Duration offerTimeout, int maxMissedOffers, Duration wrapUpLimit, Duration serviceLevelTarget,
		boolean defaultQueue, long version) {

	public Queue {
		media = Set.copyOf(media);
		categories = Set.copyOf(categories);
		skills = List.copyOf(skills);
	}

	public boolean serves(Medium medium) {
		return media.contains(medium);
	}

	public List<Medium> mediaInOrder() {
		return media.stream().sorted().toList();
	}
}
