package dev.parley.alerts;

import java.time.Instant;
import java.util.UUID;

/** An alert went into an account's inbox (or left it: {@code dismissed}); live push tells their open pages. */
public record AlertRaised(AlertId alert, UUID account, AlertKind kind, String text, boolean dismissed, Instant at) {
}
