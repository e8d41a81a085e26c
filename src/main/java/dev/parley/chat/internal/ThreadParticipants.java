package dev.parley.chat.internal;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.parley.common.AgentId;
import dev.parley.common.Medium;
import dev.parley.routing.InteractionAbandoned;
import dev.parley.routing.InteractionClosed;
import dev.parley.routing.InteractionConnected;
import dev.parley.routing.InteractionEnded;
import dev.parley.routing.InteractionQueued;
import dev.parley.routing.InteractionTransferred;

/**
 * Keeps who may write in each chat, in the transaction of the interaction's step (the listeners run where routing
 * announces the step, inside its transaction): a chat interaction queued makes its thread, where the customer writes
 * (until wrap-up); connected, its agent writes too; transferred, the agent who passed it on no longer does; ended,
 * closed or abandoned, nobody does. So the statement that numbers a message decides whether its sender may write,
 * on any node, without reading the interaction: a step and a message on the same chat take the thread's row lock in
 * turn. A step of an interaction without a thread (another medium, or a chat connected without queueing) changes
 * nothing; its first message gives the thread its writers from the interaction.
 */
@Component
class ThreadParticipants {

	private final ChatStore store;

	ThreadParticipants(ChatStore store) {
		this.store = store;
	}

	@EventListener
	void on(InteractionQueued queued) {
		if (queued.medium() == Medium.CHAT) {
			store.participants(queued.interaction(), queued.customer().value(), null, true, false, true);
		}
	}

	@EventListener
	void on(InteractionConnected connected) {
		store.participants(connected.interaction(), connected.customer().value(), value(connected.agent()), true, true,
				false);
	}

	@EventListener
	void on(InteractionTransferred transferred) {
		store.participants(transferred.interaction(), transferred.customer().value(), null, true, false, false);
	}

	@EventListener
	void on(InteractionEnded ended) {
		store.participants(ended.interaction(), ended.customer().value(), value(ended.agent()), false, false, false);
	}

	@EventListener
	void on(InteractionClosed closed) {
		store.participants(closed.interaction(), closed.customer().value(), value(closed.agent()), false, false, false);
	}

	@EventListener
	void on(InteractionAbandoned abandoned) {
		store.participants(abandoned.interaction(), abandoned.customer().value(), null, false, false, false);
	}

	private static UUID value(AgentId agent) {
		return agent == null ? null : agent.value();
	}
}
