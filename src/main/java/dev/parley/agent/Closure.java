package dev.parley.agent;

import java.time.LocalDate;

/** A whole day the group is closed (a holiday), in the group's time zone. */
public record Closure(LocalDate date, String note) {
}
