package dev.parley.routing.internal;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStateChanged;
import dev.parley.common.AfterCommit;
import dev.parley.common.NotFoundException;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionEvent;
import dev.parley.routing.OfferEnded;

/**
 * Feeds this node's routing board after every committed step, before anything else hears of it (so an agent
 * who sees an offer finds it on the board), and tells the router what to look at. Not through the event
 * publication registry: the board is a cache, rebuilt from the tables on start and resynchronised, so nothing here
 * needs to survive a crash. Plain listeners that act after the commit ({@link AfterCommit}, first of all such work):
 * a {@code @TransactionalEventListener} would be recorded in the registry and marked done in a second connection
 * while the step's own is still held, and a burst of steps then waits on the pool.
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

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(InteractionEvent event) {
		AfterCommit.run(Ordered.HIGHEST_PRECEDENCE, () -> apply(event));
	}

	private void apply(InteractionEvent event) {
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

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AgentStateChanged changed) {
		AfterCommit.run(Ordered.HIGHEST_PRECEDENCE, () -> apply(changed));
	}

	private void apply(AgentStateChanged changed) {
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
