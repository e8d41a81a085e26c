package dev.parley.presence.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.common.CustomerId;
import dev.parley.history.InteractionHistory;
import dev.parley.presence.CustomerRelations;

/** Customer-agent relations read from the interaction history (the agents of the customer's records). */
@Component
class HistoryRelations implements CustomerRelations {

	private final InteractionHistory history;

	HistoryRelations(InteractionHistory history) {
		this.history = history;
	}

	@Override
	public boolean interacted(UUID customer, UUID agent) {
		return history.choices(new CustomerId(customer)).agents().stream().anyMatch(c -> c.id().equals(agent));
	}
}
