package dev.parley.agent.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.agent.Medium;

/** A set of media in one column: comma-separated names. */
final class MediaColumn {

	private MediaColumn() {
	}

	static String write(Collection<Medium> media) {
		return media.stream().sorted().map(Medium::name).collect(Collectors.joining(","));
	}

	static Set<Medium> read(String column) {
		Set<Medium> media = EnumSet.noneOf(Medium.class);
		if (column != null && !column.isBlank()) {
			Arrays.stream(column.split(",")).map(String::trim).map(Medium::valueOf).forEach(media::add);
		}
		return media;
	}
}
