package dev.parley.presence;

import java.util.UUID;

/**
 * Who a customer knows among the agents: the relations that let a customer watch an agent. Answered
 * from the interaction history; invitations join when the invitation module exists ({@link #invitedBy}).
 */
public interface CustomerRelations {

	/** The customer had an interaction with this agent (history). */
	boolean interacted(UUID customer, UUID agent);

	/** The agent invited the customer. A port for the invitation module: nothing invites yet. */
	default boolean invitedBy(UUID customer, UUID agent) {
		return false;
	}
}
