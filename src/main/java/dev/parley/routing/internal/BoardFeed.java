package dev.parley.routing.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStateChanged;
import dev.parley.common.NotFoundException;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionEvent;
import dev.parley.routing.OfferEnded;

/**
 * Feeds this node's routing board after every committed step, before anything else hears of it (so an agent
 * who sees an offer finds it on the board), and tells the router what to look at. Not through the event
 * publication registry: the board is a cache, rebuilt from the tables on start, so nothing here needs to
 * survive a crash.
 */
@Component
class BoardFeed {

	private final RoutingBoard board;
	private final InteractionStore store;
	private final Router router;
	private final AgentManagement agents;

	BoardFeed(RoutingBoard board, InteractionStore store, Router router, AgentManagement agents) {
		this.board = board;
		this.store = store;
		this.router = router;
		this.agents = agents;
	}

	@TransactionalEventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(InteractionEvent event) {
		long now = System.currentTimeMillis();
		Interaction before = board.known(event.interaction()).orElse(null);
		store.find(event.interaction()).ifPresent(row -> {
			board.apply(row, now);
			router.interactionChanged(row.id());
			if (row.agent() != null) {
				router.agentChanged(row.agent());
			}
			if (row.offeredTo() != null) {
				router.agentChanged(row.offeredTo());
			}
		});
		if (before != null && before.agent() != null) {
			router.agentChanged(before.agent());
		}
		if (before != null && before.offeredTo() != null) {
			router.agentChanged(before.offeredTo());
		}
		if (event instanceof OfferEnded ended) {
			router.agentChanged(ended.agent());
		}
	}

	@TransactionalEventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AgentStateChanged changed) {
		long now = System.currentTimeMillis();
		if (!board.knowsAgent(changed.agent())) {
			try {
				board.putAgent(agents.agent(changed.agent()), now);
			}
			catch (NotFoundException e) {
				return; // a supervisor or administrator trying the workstation: no agent to route to
			}
		}
		board.setState(changed.agent(), changed.state(), now);
		router.agentChanged(changed.agent());
	}
}
