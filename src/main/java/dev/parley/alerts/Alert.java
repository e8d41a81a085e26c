package dev.parley.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert in an account's inbox: what raised it ({@code kind}, the rule's {@code subject}), names for showing it
 * ({@code subjectName}: a queue's or agent's name, an order number; {@code detail}: a new status, a figure), when,
 * and when it was dismissed (null while it is in the inbox).
 */
public record Alert(AlertId id, UUID account, AlertRuleId rule, AlertKind kind, String subject, String subjectName,
		String detail, Instant raisedAt, Instant dismissedAt) {

	/** The alert in plain English, for the API and for clients without the message files. */
	public String text() {
		String name = subjectName == null ? "" : subjectName;
		return switch (kind) {
			case QUEUE_AGENT_AVAILABLE -> "An agent for " + name + " is available now";
			case PRODUCT_AGENT_AVAILABLE -> "An agent for " + name + " is available now";
			case AGENT_AVAILABLE -> name + " is available now";
			case QUEUE_TURN -> "1".equals(detail) || detail == null ? "It is your turn: an agent is taking your contact"
					: "You are number " + detail + " in line";
			case ORDER_STATUS -> "Order " + name + " is " + detail + " now";
			case CUSTOMER_ONLINE -> name + " is online now";
			case TRANSFER_ARRIVES -> "A contact from " + name + " was transferred to you";
			case INVITATION_REPLY -> name + " " + detail + " your invitation";
			case CUSTOMER_ASKS -> name + " asks for you";
			case QUEUE_WAIT -> "The longest wait in " + name + " is " + detail + " s";
			case QUEUE_SIZE -> detail + " contacts are waiting in " + name;
			case SERVICE_LEVEL -> "Service level in " + name + " fell to " + detail;
			case MISSED_OFFERS -> name + " missed an offer";
		};
	}
}
