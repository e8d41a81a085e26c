package dev.parley.status;

import java.time.Instant;

/** The status history took a sample (every queue's figures at {@code at}); the wallboard's charts move on. */
public record StatusSampled(Instant at) {
}
