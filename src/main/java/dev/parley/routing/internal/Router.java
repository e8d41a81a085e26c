package dev.parley.routing.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.AgentId;
import dev.parley.common.Outcome;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Offer;
import dev.parley.routing.Queue;

/**
 * The routing loop of this node, on one thread: it takes what changed (an interaction, an agent), asks the
 * board for a match and tries it as an offer; every tick it also ends offers whose time is up and wrap-ups past
 * their limit (read from the database, so an offer made by a node that died ends too), and makes a full pass
 * over free agents. One thread means no two decisions of this node race; the database decides between nodes.
 */
@Component
public class Router implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Router.class);

	private final RoutingBoard board;
	private final InteractionSteps steps;
	private final InteractionStore store;
	private final QueueStore queues;
	private final AgentStates agentStates;
	private final AgentManagement agents;
	private final Duration tick;
	private final Duration resync;
	private long nextResync;

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition signal = lock.newCondition();
	private final Set<InteractionId> changedInteractions = new LinkedHashSet<>();
	private final Set<AgentId> changedAgents = new LinkedHashSet<>();
	private volatile Thread thread;
	private volatile boolean running;

	Router(RoutingBoard board, InteractionSteps steps, InteractionStore store, QueueStore queues,
			AgentStates agentStates, AgentManagement agents, @Value("${parley.routing.tick:500ms}") Duration tick,
			@Value("${parley.routing.resync:5s}") Duration resync) {
		this.resync = resync;
		this.board = board;
		this.steps = steps;
		this.store = store;
		this.queues = queues;
		this.agentStates = agentStates;
		this.agents = agents;
		this.tick = tick;
	}

	/** An interaction's row changed (after commit): route it if it waits, follow its agent's work. */
	public void interactionChanged(InteractionId id) {
		lock.lock();
		try {
			changedInteractions.add(id);
			signal.signal();
		}
		finally {
			lock.unlock();
		}
	}

	/** An agent became free or busy, or changed state. */
	public void agentChanged(AgentId id) {
		lock.lock();
		try {
			changedAgents.add(id);
			signal.signal();
		}
		finally {
			lock.unlock();
		}
	}

	private void loop() {
		long nextTick = System.nanoTime() + tick.toNanos();
		while (running) {
			Set<InteractionId> interactions;
			Set<AgentId> agentsChanged;
			lock.lock();
			try {
				long wait = nextTick - System.nanoTime();
				if (changedInteractions.isEmpty() && changedAgents.isEmpty() && wait > 0) {
					signal.awaitNanos(wait);
				}
				interactions = new LinkedHashSet<>(changedInteractions);
				agentsChanged = new LinkedHashSet<>(changedAgents);
				changedInteractions.clear();
				changedAgents.clear();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				lock.unlock();
			}
			try {
				interactions.forEach(this::route);
				agentsChanged.forEach(this::serve);
				if (System.nanoTime() - nextTick >= 0) {
					housekeeping();
					nextTick = System.nanoTime() + tick.toNanos();
				}
			}
			catch (RuntimeException e) {
				if (running) {
					log.warn("Routing step failed; the next tick tries again", e);
				}
			}
		}
	}

	private void route(InteractionId id) {
		Optional<RoutingBoard.Match> match = board.matchFor(id, System.currentTimeMillis());
		match.ifPresent(this::tryOffer);
	}

	/**
	 * Gives a free agent the best contact they can take, then follows their work into their state. An agent who
	 * stopped taking work (not ready, logged out) loses their open offers to the queue at once.
	 */
	private void serve(AgentId agent) {
		if (!board.isAvailable(agent) && !board.offeredTo(agent).isEmpty()) {
			// the board is this node's cache: the agent may have been hired or become ready on another node; the
			// tables decide
			long now = System.currentTimeMillis();
			if (!board.knowsAgent(agent)) {
				learn(agent, now);
			}
			board.setState(agent, agentStates.status(agent).state(), now);
			if (!board.isAvailable(agent)) {
				for (Interaction offered : board.offeredTo(agent)) {
					steps.requeue(offered, offered.offer(), agent, Offer.State.WITHDRAWN);
				}
			}
		}
		for (int i = 0; i < 20; i++) {
			Optional<RoutingBoard.Match> match = board.matchFor(agent);
			if (match.isEmpty() || !tryOffer(match.get())) {
				break;
			}
		}
		agentStates.followWork(agent, board.workload(agent));
	}

	/** Tries the match as an offer; on a lost race the board takes the row as it now is. */
	boolean tryOffer(RoutingBoard.Match match) {
		Optional<Interaction> row = board.known(match.interaction());
		if (row.isEmpty() || row.get().state() != InteractionState.QUEUED) {
			return false;
		}
		boolean offered = steps.offer(row.get(), match.agent(), match.queue());
		if (offered) {
			board.offeredFrom(match.agent(), match.queue().key(), System.currentTimeMillis());
		}
		else {
			store.find(match.interaction()).ifPresent(r -> board.apply(r, System.currentTimeMillis()));
		}
		return offered;
	}

	private void housekeeping() {
		if (System.nanoTime() - nextResync >= 0) {
			resync();
			nextResync = System.nanoTime() + resync.toNanos();
		}
		var now = steps.now();
		for (Interaction overdue : store.overdueOffers(now)) {
			if (steps.requeue(overdue, overdue.offer(), overdue.offeredTo(), Offer.State.EXPIRED)) {
				int limit = board.queue(overdue.queue()).map(Queue::maxMissedOffers).orElse(3);
				agentStates.missedOffer(overdue.offeredTo(), limit);
			}
		}
		for (Interaction overdue : store.overdueWrapUps(now)) {
			steps.close(overdue, overdue.agent(), Outcome.FOLLOW_UP,
					overdue.summary() == null ? "Closed when the wrap-up time ran out." : overdue.summary());
		}
		for (AgentId free : board.freeAgents()) {
			Optional<RoutingBoard.Match> match = board.matchFor(free);
			match.ifPresent(this::tryOffer);
		}
	}

	/**
	 * Brings the board up to the tables every few seconds ({@code parley.routing.resync}): what other nodes
	 * changed (agent states, interactions started, taken or closed there) reaches this node's board without a
	 * message between nodes. Rows older than the board's are ignored, so a resync never undoes a newer step.
	 */
	private void resync() {
		long now = System.currentTimeMillis();
		var loggedIn = agentStates.loggedIn();
		for (AgentId id : loggedIn.keySet()) {
			if (!board.knowsAgent(id)) {
				learn(id, now);
			}
		}
		for (AgentId known : board.agentIds()) {
			var status = loggedIn.get(known);
			board.setState(known, status == null ? dev.parley.agent.AgentState.LOGGED_OUT : status.state(), now);
		}
		Set<InteractionId> open = new java.util.HashSet<>();
		for (Interaction row : store.open()) {
			open.add(row.id());
			var before = board.known(row.id());
			if (before.isEmpty() || before.get().version() < row.version()) {
				board.apply(row, now);
				interactionChanged(row.id());
			}
		}
		for (InteractionId gone : board.interactionIds()) {
			if (!open.contains(gone)) {
				store.find(gone).ifPresent(row -> board.apply(row, now));
			}
		}
		board.freeAgents().forEach(this::agentChanged);
	}

	/** Puts an agent this board has not seen (hired on another node) on it. */
	private void learn(AgentId id, long now) {
		try {
			board.putAgent(agents.agent(id), now);
		}
		catch (dev.parley.common.NotFoundException e) {
			// a staff member without an agent record: nobody to route to
		}
	}

	/** Builds the board from the tables: queues, agents and their states, every open interaction. */
	void rebuild() {
		long now = System.currentTimeMillis();
		queues.all().forEach(board::putQueue);
		agents.agents(null).forEach(a -> board.putAgent(a, now));
		agentStates.loggedIn().forEach((id, status) -> board.setState(id, status.state(), now));
		store.open().forEach(row -> board.apply(row, now));
	}

	@Override
	public synchronized void start() {
		rebuild();
		running = true;
		thread = new Thread(this::loop, "routing");
		thread.setDaemon(true);
		thread.start();
		board.freeAgents().forEach(this::agentChanged);
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread t = thread;
		if (t != null) {
			t.interrupt();
			try {
				t.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000; // after the database and the web server are up, before them on stop
	}
}
