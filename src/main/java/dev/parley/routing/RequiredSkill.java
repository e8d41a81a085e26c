package dev.parley.routing;

/** A skill an agent needs, at least at {@code minLevel} (1 to 5), to take a queue's contacts. */
public record RequiredSkill(String key, int minLevel) {

	public static final int MIN_LEVEL = 1;
	public static final int MAX_LEVEL = 5;
}
