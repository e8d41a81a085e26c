package dev.parley.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One rule an account holds: its {@code kind}, the {@code subject} the owner named (null: any, or their own), the
 * key the index files it under ({@code matchKey}: a queue, a product's category, an agent's or customer's id, or
 * {@value #ANY}), and for {@link AlertKind#QUEUE_TURN} the place in line to be told at.
 */
public record AlertRule(AlertRuleId id, UUID account, AlertKind kind, String subject, String matchKey,
		Integer position, Instant createdAt) {

	/** The match key of a rule about anything of its kind (any queue, any agent). */
	public static final String ANY = "*";

	public AlertSide side() {
		return kind.side();
	}
}
