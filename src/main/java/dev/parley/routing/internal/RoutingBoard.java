package dev.parley.routing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentState;
import dev.parley.agent.Workload;
import dev.parley.common.AgentId;
import dev.parley.common.Medium;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueFigures;
import dev.parley.routing.RequiredSkill;

/**
 * This node's picture of who waits and who is free: a cache of the database, fed with each interaction's row
 * after every committed step and rebuilt from the tables on start. It answers the routing question (which
 * agent for this contact, which contact for this agent) in memory; the answer is then tried as a conditional
 * write, so a stale picture costs a retry, never a wrong assignment. All methods are synchronized: the board
 * is small and its operations take microseconds.
 */
@org.springframework.stereotype.Component
public class RoutingBoard {

	/** One priority level is worth this long in the queue: higher priority goes first, waiting long catches up. */
	static final long PRIORITY_STEP_MILLIS = 60_000;

	/** A routing decision: offer this interaction to this agent. */
	public record Match(InteractionId interaction, AgentId agent, Queue queue) {
	}

	record Waiting(InteractionId id, long rank, long seq) {
	}

	private static final Comparator<Waiting> ORDER = Comparator.comparingLong(Waiting::rank)
		.thenComparingLong(Waiting::seq);

	private record LineKey(String queue, Medium medium) {
	}

	/** What the board knows of one open interaction. */
	private record Placed(Interaction row, Waiting waiting) {
	}

	static final class AgentSlot {
		final AgentId id;
		final String group;
		final Map<String, Integer> skills = new HashMap<>();
		final EnumMap<Medium, Integer> capacity = new EnumMap<>(Medium.class);
		final EnumMap<Medium, Integer> load = new EnumMap<>(Medium.class);
		final Map<String, Long> lastOffer = new HashMap<>();
		int offered;
		int connected;
		int wrappingUp;
		boolean available;
		boolean loggedIn;
		long idleSince;

		AgentSlot(Agent agent, long now) {
			this.id = agent.id();
			this.group = agent.groupKey();
			agent.skills().forEach(s -> skills.put(s.key(), s.level()));
			capacity.putAll(agent.capacities());
			this.idleSince = now;
		}

		int load(Medium m) {
			return load.getOrDefault(m, 0);
		}

		/** Room for one more contact of the medium: voice and video take the agent's whole attention. */
		boolean free(Medium m) {
			return available && offered == 0 && !inExclusive() && load(m) < capacity.getOrDefault(m, 0)
					&& (!exclusive(m) || totalLoad() == 0);
		}

		boolean inExclusive() {
			return load(Medium.VOICE) > 0 || load(Medium.VIDEO) > 0;
		}

		static boolean exclusive(Medium m) {
			return m == Medium.VOICE || m == Medium.VIDEO;
		}

		int totalLoad() {
			return load.values().stream().mapToInt(Integer::intValue).sum();
		}

		double busyShare() {
			int cap = capacity.values().stream().mapToInt(Integer::intValue).sum();
			return cap == 0 ? 1 : (double) totalLoad() / cap;
		}

		/** No room for anything: on a call or video, or every medium at capacity. */
		boolean full() {
			return inExclusive() || capacity.entrySet().stream().allMatch(e -> load(e.getKey()) >= e.getValue());
		}

		int skillScore(List<RequiredSkill> required) {
			return required.stream().mapToInt(r -> skills.getOrDefault(r.key(), 0)).sum();
		}

		boolean qualifiesFor(Queue q) {
			return group.equals(q.groupKey()) && q.media().stream().anyMatch(capacity::containsKey)
					&& q.skills().stream().allMatch(r -> skills.getOrDefault(r.key(), 0) >= r.minLevel());
		}
	}

	private final Map<String, Queue> queues = new HashMap<>();
	private final Map<LineKey, TreeSet<Waiting>> lines = new HashMap<>();
	private final Map<AgentId, AgentSlot> agents = new HashMap<>();
	private final Map<String, List<AgentSlot>> eligible = new HashMap<>();
	private final Map<InteractionId, Placed> interactions = new HashMap<>();

	// --- queues and agents

	public synchronized void putQueue(Queue queue) {
		queues.put(queue.key(), queue);
		eligible.put(queue.key(), new ArrayList<>(agents.values().stream().filter(a -> a.qualifiesFor(queue)).toList()));
	}

	public synchronized void removeQueue(String key) {
		queues.remove(key);
		eligible.remove(key);
	}

	public synchronized Optional<Queue> queue(String key) {
		return Optional.ofNullable(queues.get(key));
	}

	public synchronized boolean knowsAgent(AgentId id) {
		return agents.containsKey(id);
	}

	/** Adds or refreshes an agent's skills, group and capacities; keeps what they are doing. */
	public synchronized void putAgent(Agent agent, long now) {
		AgentSlot old = agents.get(agent.id());
		AgentSlot slot = new AgentSlot(agent, now);
		if (old != null) {
			slot.load.putAll(old.load);
			slot.lastOffer.putAll(old.lastOffer);
			slot.offered = old.offered;
			slot.connected = old.connected;
			slot.wrappingUp = old.wrappingUp;
			slot.available = old.available;
			slot.loggedIn = old.loggedIn;
			slot.idleSince = old.idleSince;
			eligible.values().forEach(list -> list.remove(old));
		}
		agents.put(agent.id(), slot);
		queues.values().stream().filter(slot::qualifiesFor)
			.forEach(q -> eligible.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(slot));
	}

	/** The agent's state: signed in or not, and whether they take work (ready, or busy/wrap-up). */
	public synchronized void setState(AgentId id, AgentState state, long now) {
		AgentSlot slot = agents.get(id);
		if (slot != null) {
			slot.loggedIn = state.isLoggedIn();
		}
		setAvailable(id, state.isAvailable(), now);
	}

	/** The agent chose to take work (ready, or busy/wrap-up) or not (not ready, logged out). */
	public synchronized void setAvailable(AgentId id, boolean available, long now) {
		AgentSlot slot = agents.get(id);
		if (slot != null && available) {
			slot.loggedIn = true;
		}
		if (slot != null && slot.available != available) {
			slot.available = available;
			if (available && slot.totalLoad() == 0) {
				slot.idleSince = now;
			}
		}
	}

	public synchronized Workload workload(AgentId id) {
		AgentSlot slot = agents.get(id);
		if (slot == null) {
			return Workload.NONE;
		}
		return new Workload(slot.offered + slot.connected > 0, slot.wrappingUp > 0, slot.full());
	}

	// --- interactions

	/**
	 * Takes the interaction's current row (read after a committed step): puts it in its queue's line while
	 * queued, counts it against its agent's capacity while offered, connected or in wrap-up, forgets it when
	 * over. A row older than what the board has is ignored, so the order rows arrive in does not matter.
	 */
	public synchronized void apply(Interaction row, long now) {
		Placed old = interactions.get(row.id());
		if (old != null && old.row().version() > row.version()) {
			return;
		}
		if (old != null) {
			leave(old, now);
		}
		if (row.state().isFinal()) {
			interactions.remove(row.id());
			return;
		}
		Waiting waiting = null;
		if (row.state() == InteractionState.QUEUED) {
			Queue q = queues.get(row.queue());
			int priority = row.priority() + (q == null ? 0 : q.priority());
			waiting = new Waiting(row.id(), row.enqueuedAt().toEpochMilli() - priority * PRIORITY_STEP_MILLIS,
					row.enqueueSeq());
			lines.computeIfAbsent(new LineKey(row.queue(), row.medium()), k -> new TreeSet<>(ORDER)).add(waiting);
		}
		var placed = new Placed(row, waiting);
		interactions.put(row.id(), placed);
		AgentSlot slot = holder(row);
		if (slot != null) {
			slot.load.merge(row.medium(), 1, Integer::sum);
			switch (row.state()) {
				case OFFERED -> slot.offered++;
				case CONNECTED -> slot.connected++;
				case WRAP_UP -> slot.wrappingUp++;
				default -> {
				}
			}
		}
	}

	private void leave(Placed old, long now) {
		Interaction row = old.row();
		if (old.waiting() != null) {
			var line = lines.get(new LineKey(row.queue(), row.medium()));
			if (line != null) {
				line.remove(old.waiting());
			}
		}
		AgentSlot slot = holder(row);
		if (slot != null) {
			slot.load.merge(row.medium(), -1, Integer::sum);
			switch (row.state()) {
				case OFFERED -> slot.offered--;
				case CONNECTED -> slot.connected--;
				case WRAP_UP -> slot.wrappingUp--;
				default -> {
				}
			}
			if (slot.totalLoad() == 0) {
				slot.idleSince = now;
			}
		}
	}

	private AgentSlot holder(Interaction row) {
		AgentId who = row.state() == InteractionState.OFFERED ? row.offeredTo()
				: row.state().isHandled() ? row.agent() : null;
		return who == null ? null : agents.get(who);
	}

	public synchronized Optional<Interaction> known(InteractionId id) {
		Placed p = interactions.get(id);
		return p == null ? Optional.empty() : Optional.of(p.row());
	}

	/**
	 * 1 for the next contact its queue serves, 2 for the one after, ...; 0 when not waiting in a line. Counts the
	 * shorter side of the line (those ahead or those behind; a sorted set's part counts by walking it), so a contact
	 * just queued at the end, which the status module places on every arrival, costs no walk however long the line.
	 */
	public synchronized int position(InteractionId id) {
		Placed p = interactions.get(id);
		if (p == null || p.waiting() == null) {
			return 0;
		}
		var line = lines.get(new LineKey(p.row().queue(), p.row().medium()));
		if (line == null) {
			return 0;
		}
		Iterator<Waiting> ahead = line.headSet(p.waiting(), false).iterator();
		Iterator<Waiting> behind = line.tailSet(p.waiting(), false).iterator();
		int walked = 0;
		while (ahead.hasNext() && behind.hasNext()) {
			ahead.next();
			behind.next();
			walked++;
		}
		return ahead.hasNext() ? line.size() - walked : walked + 1;
	}

	/** The contacts waiting in a queue's lines with their place: for pushing positions to waiting customers. */
	public synchronized List<Placement> placements(String queue) {
		List<Placement> all = new ArrayList<>();
		lines.forEach((key, line) -> {
			if (key.queue().equals(queue)) {
				int place = 1;
				for (Waiting w : line) {
					Placed p = interactions.get(w.id());
					if (p != null) {
						all.add(new Placement(p.row(), place++));
					}
				}
			}
		});
		return all;
	}

	/** An interaction and its place in its line. */
	public record Placement(Interaction interaction, int position) {
	}

	/**
	 * The queue's figures per medium it serves, as this node sees them: contacts waiting and since when the
	 * oldest, and its eligible agents by what they are doing. Work in proportion to the queue's agents, never
	 * to the contacts.
	 */
	public synchronized List<QueueFigures> figures(String queueKey) {
		Queue q = queues.get(queueKey);
		if (q == null) {
			return List.of();
		}
		List<QueueFigures> all = new ArrayList<>();
		for (Medium m : q.mediaInOrder()) {
			var line = lines.get(new LineKey(q.key(), m));
			int waiting = line == null ? 0 : line.size();
			Instant oldest = null;
			if (line != null && !line.isEmpty()) {
				Placed head = interactions.get(line.first().id());
				oldest = head == null ? null : head.row().enqueuedAt(); // the head of the line: next to be served
			}
			int loggedIn = 0, serving = 0, free = 0, busy = 0, wrapUp = 0, notReady = 0;
			for (AgentSlot a : eligible.getOrDefault(q.key(), List.of())) {
				if (!a.capacity.containsKey(m) || !a.loggedIn) {
					continue;
				}
				loggedIn++;
				if (!a.available) {
					notReady++;
					continue;
				}
				serving++;
				if (a.free(m)) {
					free++;
				}
				else if (a.wrappingUp > 0 && a.connected + a.offered == 0) {
					wrapUp++;
				}
				else {
					busy++;
				}
			}
			all.add(new QueueFigures(q.key(), m, waiting, oldest, loggedIn, serving, free, busy, wrapUp, notReady));
		}
		return all;
	}

	/** Contacts waiting in a queue (all media). */
	public synchronized int waiting(String queue) {
		return lines.entrySet().stream().filter(e -> e.getKey().queue().equals(queue))
			.mapToInt(e -> e.getValue().size()).sum();
	}

	// --- the routing question

	/** The best free agent for a contact that just started waiting, if it is at the head of its line. */
	public synchronized Optional<Match> matchFor(InteractionId id, long now) {
		Placed p = interactions.get(id);
		if (p == null || p.waiting() == null) {
			return Optional.empty();
		}
		Queue q = queues.get(p.row().queue());
		var line = lines.get(new LineKey(p.row().queue(), p.row().medium()));
		if (q == null || line == null || line.first() != p.waiting()) {
			return Optional.empty();
		}
		return bestAgent(q, p.row()).map(a -> new Match(id, a.id, q));
	}

	/** The longest-waiting (priority counted) contact a free agent can take, over every queue they serve. */
	public synchronized Optional<Match> matchFor(AgentId id) {
		AgentSlot slot = agents.get(id);
		if (slot == null || !slot.available || slot.offered > 0) {
			return Optional.empty();
		}
		Waiting best = null;
		Queue bestQueue = null;
		for (Queue q : queues.values()) {
			if (!slot.qualifiesFor(q)) {
				continue;
			}
			for (Medium m : q.media()) {
				var line = lines.get(new LineKey(q.key(), m));
				if (line == null || line.isEmpty() || !slot.free(m)) {
					continue;
				}
				Waiting head = line.first();
				if (best == null || ORDER.compare(head, best) < 0) {
					best = head;
					bestQueue = q;
				}
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		// the head goes to the best free agent for it, which is this one or another free agent
		Interaction row = interactions.get(best.id()).row();
		Queue queue = bestQueue;
		return bestAgent(queue, row).map(a -> new Match(row.id(), a.id, queue));
	}

	/** The contacts offered to the agent now (to withdraw when the agent stops taking work). */
	public synchronized List<Interaction> offeredTo(AgentId id) {
		return interactions.values().stream().map(Placed::row)
			.filter(r -> r.state() == InteractionState.OFFERED && id.equals(r.offeredTo())).toList();
	}

	public synchronized List<AgentId> agentIds() {
		return List.copyOf(agents.keySet());
	}

	public synchronized List<InteractionId> interactionIds() {
		return List.copyOf(interactions.keySet());
	}

	public synchronized boolean isAvailable(AgentId id) {
		AgentSlot slot = agents.get(id);
		return slot != null && slot.available;
	}

	/** Agents who could take work now: for a full pass after a start or as a safety net. */
	public synchronized List<AgentId> freeAgents() {
		return agents.values().stream().filter(a -> a.available && a.offered == 0 && !a.full()).map(a -> a.id).toList();
	}

	/** Records that the agent got an offer from the queue (round robin). */
	public synchronized void offeredFrom(AgentId agent, String queue, long now) {
		AgentSlot slot = agents.get(agent);
		if (slot != null) {
			slot.lastOffer.put(queue, now);
		}
	}

	/** The queue's best free agent for the contact, never the agent who just transferred it away. */
	private Optional<AgentSlot> bestAgent(Queue q, Interaction row) {
		List<AgentSlot> candidates = eligible.getOrDefault(q.key(), List.of());
		AgentSlot best = null;
		Comparator<AgentSlot> order = strategy(q);
		for (AgentSlot a : candidates) {
			if (a.free(row.medium()) && !a.id.equals(row.transferredFrom())
					&& (best == null || order.compare(a, best) < 0)) {
				best = a;
			}
		}
		return Optional.ofNullable(best);
	}

	/** Smaller is better. */
	private static Comparator<AgentSlot> strategy(Queue q) {
		Comparator<AgentSlot> idle = Comparator.comparingLong(a -> a.idleSince);
		return switch (q.strategy()) {
			case MOST_SKILLED -> Comparator.<AgentSlot>comparingInt(a -> -a.skillScore(q.skills())).thenComparing(idle);
			case LONGEST_IDLE -> idle;
			case ROUND_ROBIN -> Comparator.<AgentSlot>comparingLong(a -> a.lastOffer.getOrDefault(q.key(), 0L))
				.thenComparing(idle);
			case LEAST_BUSY -> Comparator.<AgentSlot>comparingDouble(AgentSlot::busyShare).thenComparing(idle);
		};
	}
}
