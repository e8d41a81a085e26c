package dev.parley.history;

import java.util.UUID;

/** One option of a filter select: an id and the name people read. */
public record Choice(UUID id, String name) {
}
