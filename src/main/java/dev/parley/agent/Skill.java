package dev.parley.agent;

/** What an agent knows, e.g. {@code phones}, {@code billing} or a language {@code lang:de}, at level 1 to 5. */
public record Skill(String key, int level) {
}
