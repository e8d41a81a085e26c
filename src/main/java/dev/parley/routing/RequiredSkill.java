package dev.parley.routing;

/** A skill an agent needs, at least at {@code minLevel} (1 to 5), to take a queue's contacts. */
public record RequiredSkill(String key, int minLevel) {
}
