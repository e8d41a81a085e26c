package dev.parley.agent;

import java.time.Instant;
import java.util.Set;

import dev.parley.common.Medium;

/** A team of agents with the media it offers and when it takes contacts. */
public record AgentGroup(String key, String name, String description, Set<Medium> media, WeeklySchedule schedule,
		long version) {

	public AgentGroup {
		media = Set.copyOf(media);
	}

	public boolean isOpenAt(Instant instant) {
		return schedule.isOpenAt(instant);
	}

	/** The media in a stable order, for display. */
	public java.util.List<Medium> mediaInOrder() {
		return media.stream().sorted().toList();
	}
}
