package dev.parley.routing;

import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/**
 * What an administrator sets on a queue: every field but the key, with times in seconds. Null numbers take
 * the defaults (priority 0, offer timeout 20 s, 3 missed offers, wrap-up 120 s, service level 20 s); each
 * number's range and default is one of the {@link Limits} below, which every adapter shows and the
 * {@link QueueManagement} enforces.
 */
public record QueueDefinition(String name, String description, String groupKey, Set<Medium> media,
		Set<String> categories, List<RequiredSkill> skills, RoutingStrategy strategy, Integer priority,
		Integer offerTimeoutSeconds, Integer maxMissedOffers, Integer wrapUpSeconds, Integer serviceLevelSeconds,
		Boolean defaultQueue) {

	/** A number's allowed range (inclusive) and the value it takes when not given. */
	public record Limits(int min, int max, int fallback) {
	}

	public static final Limits PRIORITY = new Limits(-10, 10, 0);
	public static final Limits OFFER_TIMEOUT_SECONDS = new Limits(5, 300, 20);
	public static final Limits MAX_MISSED_OFFERS = new Limits(1, 10, 3);
	public static final Limits WRAP_UP_SECONDS = new Limits(0, 3600, 120);
	public static final Limits SERVICE_LEVEL_SECONDS = new Limits(5, 3600, 20);
}
