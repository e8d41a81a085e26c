package dev.parley.alerts;

import java.util.Locale;

/**
 * What a rule watches, on whose side, and what its subject is. The token ({@code queue-agent-available}) is what the
 * API and the message keys ({@code alert.kind.<token>}, {@code alert.text.<token>}) use.
 */
public enum AlertKind {

	/** A customer: an agent who serves the queue becomes ready. Subject: the queue (required). */
	QUEUE_AGENT_AVAILABLE(AlertSide.CUSTOMER, Subject.QUEUE, true),
	/** A customer: an agent for the product (a queue taking its category) becomes ready. Subject: the product. */
	PRODUCT_AGENT_AVAILABLE(AlertSide.CUSTOMER, Subject.PRODUCT, true),
	/** A customer: the named agent becomes ready. Subject: the agent. */
	AGENT_AVAILABLE(AlertSide.CUSTOMER, Subject.AGENT, true),
	/** A customer: their queued contact is taken by an agent, or reaches {@code position} in line. */
	QUEUE_TURN(AlertSide.CUSTOMER, Subject.NONE, false),
	/** A customer: an order's status changes. Subject: the order number, or none for any of theirs. */
	ORDER_STATUS(AlertSide.CUSTOMER, Subject.ORDER, false),
	/** An agent: the customer comes online in the portal. Subject: the customer (who lets agents see them). */
	CUSTOMER_ONLINE(AlertSide.AGENT, Subject.CUSTOMER, true),
	/** An agent: an interaction is transferred to them. */
	TRANSFER_ARRIVES(AlertSide.AGENT, Subject.NONE, false),
	/** An agent: a customer accepts or declines their invitation. */
	INVITATION_REPLY(AlertSide.AGENT, Subject.NONE, false),
	/** An agent: a customer asks for them by name. */
	CUSTOMER_ASKS(AlertSide.AGENT, Subject.NONE, false),
	/** A supervisor: a queue's longest wait passes the threshold. Subject: the queue, or none for any. */
	QUEUE_WAIT(AlertSide.SUPERVISOR, Subject.QUEUE, false),
	/** A supervisor: a queue's contacts waiting reach the threshold. Subject: the queue, or none for any. */
	QUEUE_SIZE(AlertSide.SUPERVISOR, Subject.QUEUE, false),
	/** A supervisor: a queue's service level falls below target. Subject: the queue, or none for any. */
	SERVICE_LEVEL(AlertSide.SUPERVISOR, Subject.QUEUE, false),
	/** A supervisor: an agent lets an offer expire. Subject: the agent, or none for any. */
	MISSED_OFFERS(AlertSide.SUPERVISOR, Subject.AGENT, false);

	/** What a rule of a kind names. */
	public enum Subject {
		NONE, QUEUE, PRODUCT, AGENT, CUSTOMER, ORDER
	}

	private final AlertSide side;
	private final Subject subject;
	private final boolean subjectRequired;

	AlertKind(AlertSide side, Subject subject, boolean subjectRequired) {
		this.side = side;
		this.subject = subject;
		this.subjectRequired = subjectRequired;
	}

	public AlertSide side() {
		return side;
	}

	public Subject subject() {
		return subject;
	}

	public boolean subjectRequired() {
		return subjectRequired;
	}

	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The kind a token names, or null. */
	public static AlertKind ofToken(String token) {
		for (AlertKind k : values()) {
			if (k.token().equals(token)) {
				return k;
			}
		}
		return null;
	}
}
