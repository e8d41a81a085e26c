package dev.parley.status;

/**
 * The center's figures changed: those of {@code queue} (null: only the center's as a whole, e.g. an agent's
 * state). Published after the change committed, for pushing; listeners coalesce, a busy queue changes often.
 */
public record StatusChanged(String queue) {
}
