package dev.parley.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.AopTestUtils;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionAbandoned;
import dev.parley.routing.InteractionClosed;
import dev.parley.routing.InteractionConnected;
import dev.parley.routing.InteractionEvent;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionQueued;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.routing.internal.Router;
import dev.parley.routing.internal.RoutingBoard;
import dev.parley.status.CenterStatus;
import dev.parley.testing.TestDatabaseConfiguration;

/**
 * The status benchmark (issue: status monitoring, "Speed", first half): how many of the broker's events per second
 * the status module absorbs, and whether the work per event stays constant as the contacts waiting grow.
 * <p>
 * A whole application context on its in-memory H2 database: a few queues, a few hundred agents on routing's board,
 * all ready and all at capacity (three chats each, rows in the table), and N contacts waiting (rows in the table and
 * on the board). The router's thread is stopped, so nothing but the benchmark moves the board. Each event is
 * prepared as the broker leaves it (the row written, the board told), then handed to the status module's listeners
 * ({@code CenterStatus.on}) back to back on one thread: only that call is timed. The listener reads the
 * interaction's row from the database (and the queue's for a connection), as it does in Parley; that cost is in
 * the figures, and the statements one event runs are counted (H2's query statistics). The same rounds run with
 * each size of {@code bench.waiting} (default 1,000 and 10,000 contacts waiting) and are printed side by side:
 * constant work per event means roughly equal rates. The push that follows ({@code StatusChanged}) only marks the
 * live figures dirty; rendering and sending are coalesced and measured by {@code LiveBenchmark}.
 * <p>
 * Sizes: {@code bench.queues} (4), {@code bench.agents} (300), {@code bench.batch} (500 contacts per round),
 * {@code bench.rounds} (5, after one warm-up round per size), {@code bench.waiting} ("1000,10000"). Run with
 * {@code mvn -Pbench test -Dtest=StatusBenchmark}; prints lines starting with {@code STATUS}.
 */
@Tag("bench")
@SpringBootTest(properties = { "logging.level.dev.parley=warn", "parley.routing.resync=1h" })
@Import(TestDatabaseConfiguration.class)
@DirtiesContext
class StatusBenchmark {

	static final int QUEUES = Integer.getInteger("bench.queues", 4);
	static final int AGENTS = Integer.getInteger("bench.agents", 300);
	static final int CAPACITY = 3;
	static final int BATCH = Integer.getInteger("bench.batch", 500);
	static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
	static final int WARMUP = Integer.getInteger("bench.warmup", 2);
	static final int[] WAITING = Arrays.stream(System.getProperty("bench.waiting", "1000,10000").split(","))
		.mapToInt(s -> Integer.parseInt(s.trim())).toArray();

	static final List<String> KINDS = List.of("queued", "connected", "closed", "abandoned", "agent state", "mixed");

	/** Not an event: routing's {@code Interactions.position} of a contact just queued, which the queued event asks. */
	static final String POSITION = "position()";

	/** A contact the benchmark moves: its row's fixed parts. */
	record Contact(InteractionId id, CustomerId customer, Queue queue, Instant createdAt, long seq) {
	}

	@Autowired
	CenterStatus status;

	@Autowired
	RoutingBoard board;

	@Autowired
	Router router;

	@Autowired
	QueueManagement queueManagement;

	@Autowired
	AgentManagement agentManagement;

	@Autowired
	DataSource dataSource;

	@Autowired
	Interactions interactions;

	JdbcTemplate jdbc;
	Object target;
	Method onInteraction;
	Method onAgent;
	final List<Queue> queues = new ArrayList<>();
	final Map<Queue, List<AgentId>> staff = new LinkedHashMap<>();
	final Map<Queue, ArrayDeque<Contact>> lines = new LinkedHashMap<>();
	/** Waiting contacts taken off the board while a smaller size runs (their rows stay as they were). */
	final Map<Queue, ArrayDeque<Contact>> parked = new LinkedHashMap<>();
	long seq;
	int waiting;

	@Test
	void absorbs() throws Exception {
		router.stop(); // the benchmark alone moves the board: no offers, no resync
		jdbc = new JdbcTemplate(dataSource);
		target = AopTestUtils.getUltimateTargetObject(status);
		onInteraction = CenterStatus.class.getDeclaredMethod("on", InteractionEvent.class);
		onAgent = CenterStatus.class.getDeclaredMethod("on", AgentStateChanged.class);
		onInteraction.setAccessible(true);
		onAgent.setAccessible(true);
		setUp();
		fillTo(Arrays.stream(WAITING).max().orElseThrow());
		System.out.printf("%nSTATUS %d queues, %d agents ready and at capacity (%,d chats connected), contacts waiting "
				+ "%s (round robin over the queues); %d warm-up rounds, then %d rounds of %,d contacts per size, the sizes "
				+ "taking turns round by round...%n", QUEUES, AGENTS, AGENTS * CAPACITY, Arrays.toString(WAITING), WARMUP,
				ROUNDS, BATCH);

		Map<Integer, Map<String, Figures>> all = new LinkedHashMap<>();
		for (int size : WAITING) {
			Map<String, Figures> figures = new LinkedHashMap<>();
			KINDS.forEach(k -> figures.put(k, new Figures()));
			figures.put(POSITION, new Figures());
			all.put(size, figures);
		}
		for (int r = 0; r < WARMUP + ROUNDS; r++) {
			for (int size : WAITING) {
				resize(size);
				round(r < WARMUP ? null : all.get(size));
			}
		}
		resize(WAITING[0]);
		Map<String, Map<String, Double>> reads = countReads();
		for (var size : all.entrySet()) {
			for (var e : size.getValue().entrySet()) {
				System.out.printf("STATUS %,7d waiting  %-11s %s%n", size.getKey(), e.getKey(), e.getValue());
			}
		}
		print(all, reads);
	}

	// --- the rounds

	/** One round: each event kind back to back, then all of them interleaved as contacts live them. */
	private void round(Map<String, Figures> into) throws Exception {
		int abandoning = BATCH / 5;
		List<Contact> fresh = enqueue(BATCH + abandoning);
		time(into, "queued", fresh.stream().map(this::queuedEvent).toList());
		timePositions(into, fresh);

		List<Contact> answered = heads(BATCH);
		Map<Contact, AgentId> by = connect(answered);
		Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		time(into, "connected", answered.stream().<Object>map(c -> new InteractionConnected(c.id(), c.customer(),
				by.get(c), connectedAt)).toList());
		// the listener checks that this is the contact's first connection by the row's time: write that one
		setConnectedAt(answered, connectedAt);

		Instant endedAt = close(answered);
		time(into, "closed", answered.stream().map(c -> closedEvent(c, by.get(c), connectedAt, endedAt)).toList());

		List<Contact> left = tails(abandoning);
		Instant leftAt = abandon(left);
		time(into, "abandoned", left.stream().<Object>map(c -> new InteractionAbandoned(c.id(), c.customer(),
				c.queue().key(), leftAt)).toList());

		time(into, "agent state", agentEvents(BATCH));

		time(into, "mixed", mixed(abandoning));
	}

	/**
	 * The kinds interleaved as a busy center sees them: per contact queued, connected, closed and two agent state
	 * changes (busy, wrap-up), and every fifth contact another one abandoning. Rows and board are prepared before
	 * (the connected ones already closed; the listener reads the same row either way).
	 */
	private List<Object> mixed(int abandoning) {
		List<Contact> fresh = enqueue(BATCH + abandoning);
		List<Contact> answered = heads(BATCH);
		Map<Contact, AgentId> by = connect(answered);
		Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		setConnectedAt(answered, connectedAt);
		Instant endedAt = close(answered);
		List<Contact> left = tails(abandoning);
		Instant leftAt = abandon(left);
		List<Object> agentEvents = agentEvents(2 * BATCH);
		List<Object> events = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			Contact q = fresh.get(i);
			Contact a = answered.get(i);
			events.add(queuedEvent(q));
			events.add(new InteractionConnected(a.id(), a.customer(), by.get(a), connectedAt));
			events.add(agentEvents.get(2 * i));
			events.add(closedEvent(a, by.get(a), connectedAt, endedAt));
			events.add(agentEvents.get(2 * i + 1));
			if (i % 5 == 0 && i / 5 < abandoning) {
				Contact gone = left.get(i / 5);
				events.add(new InteractionAbandoned(gone.id(), gone.customer(), gone.queue().key(), leftAt));
			}
		}
		for (int i = BATCH; i < fresh.size(); i++) {
			events.add(queuedEvent(fresh.get(i)));
		}
		return events;
	}

	private void time(Map<String, Figures> into, String kind, List<Object> events) throws Exception {
		long[] each = new long[events.size()];
		long start = System.nanoTime();
		for (int i = 0; i < each.length; i++) {
			long s = System.nanoTime();
			fire(events.get(i));
			each[i] = System.nanoTime() - s;
		}
		long wall = System.nanoTime() - start;
		if (into != null) {
			into.get(kind).add(each, wall);
		}
	}

	private void timePositions(Map<String, Figures> into, List<Contact> fresh) {
		long[] each = new long[fresh.size()];
		long start = System.nanoTime();
		for (int i = 0; i < each.length; i++) {
			long s = System.nanoTime();
			interactions.position(fresh.get(i).id());
			each[i] = System.nanoTime() - s;
		}
		if (into != null) {
			into.get(POSITION).add(each, System.nanoTime() - start);
		}
	}

	private void fire(Object event) throws Exception {
		try {
			if (event instanceof InteractionEvent e) {
				onInteraction.invoke(target, e);
			}
			else {
				onAgent.invoke(target, event);
			}
		}
		catch (InvocationTargetException e) {
			throw (Exception) e.getCause();
		}
	}

	private Object queuedEvent(Contact c) {
		return new InteractionQueued(c.id(), c.customer(), c.queue().key(), Medium.CHAT, c.createdAt());
	}

	private static Object closedEvent(Contact c, AgentId agent, Instant connectedAt, Instant endedAt) {
		return new InteractionClosed(c.id(), c.customer(), agent, Medium.CHAT, c.queue().key(), null, null,
				c.createdAt(), connectedAt, endedAt, Outcome.RESOLVED, null, endedAt);
	}

	private List<Object> agentEvents(int n) {
		List<Object> events = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < n; i++) {
			List<AgentId> people = staff.get(queues.get(i % QUEUES));
			AgentId who = people.get(i / QUEUES % people.size());
			events.add(i % 2 == 0 ? new AgentStateChanged(who, AgentState.READY, AgentState.BUSY, null, now)
					: new AgentStateChanged(who, AgentState.BUSY, AgentState.WRAP_UP, null, now));
		}
		return events;
	}

	// --- the rows and the board, as the broker leaves them

	private void setUp() {
		long now = System.currentTimeMillis();
		List<Object[]> rows = new ArrayList<>();
		List<Interaction> onBoard = new ArrayList<>();
		Instant at = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS);
		for (int q = 0; q < QUEUES; q++) {
			String group = RoutingFixtures.openGroup(agentManagement);
			Queue queue = RoutingFixtures.queue(queueManagement, group, java.util.Set.of(Medium.CHAT),
					RoutingStrategy.LONGEST_IDLE, 30);
			board.putQueue(queue);
			queues.add(queue);
			lines.put(queue, new ArrayDeque<>());
			parked.put(queue, new ArrayDeque<>());
			staff.put(queue, new ArrayList<>());
		}
		for (int i = 0; i < AGENTS; i++) {
			Queue queue = queues.get(i % QUEUES);
			var capacity = new EnumMap<Medium, Integer>(Medium.class);
			capacity.put(Medium.CHAT, CAPACITY);
			Agent agent = new Agent(new AgentId(UUID.randomUUID()), "A" + i, queue.groupKey(), List.of(), capacity);
			board.putAgent(agent, now);
			board.setState(agent.id(), AgentState.READY, now);
			staff.get(queue).add(agent.id());
			for (int c = 0; c < CAPACITY; c++) {
				Interaction row = row(new Contact(InteractionId.random(), new CustomerId(UUID.randomUUID()), queue, at,
						++seq), InteractionState.CONNECTED, agent.id(), at, null, 1);
				rows.add(new Object[] { row.id().value(), row.customer().value(), queue.key(), "CONNECTED",
						agent.id().value(), Timestamp.from(at), Timestamp.from(at), row.enqueueSeq(), Timestamp.from(at) });
				onBoard.add(row);
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO interactions (id, customer_id, medium, queue_key, priority, state, agent_id, created_at,
				enqueued_at, enqueue_seq, connected_at, version) VALUES (?, ?, 'CHAT', ?, 0, ?, ?, ?, ?, ?, ?, 1)""", rows);
		onBoard.forEach(r -> board.apply(r, now));
	}

	/** Adds contacts that have waited for a while (the oldest first) until {@code size} wait. */
	private void fillTo(int size) {
		int missing = size - waiting;
		if (missing <= 0) {
			return;
		}
		Instant from = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MICROS);
		List<Contact> added = new ArrayList<>();
		for (int i = 0; i < missing; i++) {
			added.add(new Contact(InteractionId.random(), new CustomerId(UUID.randomUUID()), queues.get(i % QUEUES),
					from.plusNanos(i * 1_000L), ++seq));
		}
		insertQueued(added);
		// older than any contact a round queues: the board puts them ahead of those, and so does the benchmark
		for (int i = added.size() - 1; i >= 0; i--) {
			lines.get(added.get(i).queue()).addFirst(added.get(i));
		}
	}

	/**
	 * Takes the longest-waiting contacts off the board (parked, rows untouched) or puts parked ones back, until
	 * {@code size} wait; the lines keep their order.
	 */
	private void resize(int size) {
		long now = System.currentTimeMillis();
		for (int i = 0; waiting > size; i++) {
			Queue q = queues.get(i % QUEUES);
			Contact c = lines.get(q).pollFirst();
			if (c != null) {
				board.apply(row(c, InteractionState.ABANDONED, null, null, null, 0), now);
				parked.get(q).addLast(c);
				waiting--;
			}
		}
		for (int i = 0; waiting < size; i++) {
			Queue q = queues.get(i % QUEUES);
			Contact c = parked.get(q).pollLast();
			if (c == null) {
				if (parked.values().stream().allMatch(ArrayDeque::isEmpty)) {
					fillTo(size);
				}
				continue;
			}
			board.apply(row(c, InteractionState.QUEUED, null, null, null, 0), now);
			lines.get(q).addFirst(c);
			waiting++;
		}
	}

	/** New contacts, queued now (round robin over the queues): rows written, board told. */
	private List<Contact> enqueue(int n) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<Contact> added = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			added.add(new Contact(InteractionId.random(), new CustomerId(UUID.randomUUID()), queues.get(i % QUEUES),
					now.plusNanos(i * 1_000L), ++seq));
		}
		insertQueued(added);
		added.forEach(c -> lines.get(c.queue()).addLast(c));
		return added;
	}

	private void insertQueued(List<Contact> added) {
		jdbc.batchUpdate("""
				INSERT INTO interactions (id, customer_id, medium, queue_key, priority, state, created_at, enqueued_at,
				enqueue_seq, version) VALUES (?, ?, 'CHAT', ?, 0, 'QUEUED', ?, ?, ?, 0)""", added.stream()
			.map(c -> new Object[] { c.id().value(), c.customer().value(), c.queue().key(), Timestamp.from(c.createdAt()),
					Timestamp.from(c.createdAt()), c.seq() })
			.toList());
		long now = System.currentTimeMillis();
		added.forEach(c -> board.apply(row(c, InteractionState.QUEUED, null, null, null, 0), now));
		waiting += added.size();
	}

	/** The longest-waiting contacts, round robin over the queues. */
	private List<Contact> heads(int n) {
		List<Contact> taken = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			taken.add(lines.get(queues.get(i % QUEUES)).pollFirst());
		}
		waiting -= n;
		return taken;
	}

	/** The contacts that came last, round robin over the queues. */
	private List<Contact> tails(int n) {
		List<Contact> taken = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			taken.add(lines.get(queues.get(i % QUEUES)).pollLast());
		}
		waiting -= n;
		return taken;
	}

	/** Connects each contact to one of its queue's agents (over their capacity: they stay busy). */
	private Map<Contact, AgentId> connect(List<Contact> contacts) {
		Map<Contact, AgentId> by = new LinkedHashMap<>();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long now = at.toEpochMilli();
		int i = 0;
		for (Contact c : contacts) {
			List<AgentId> people = staff.get(c.queue());
			AgentId agent = people.get(i++ % people.size());
			by.put(c, agent);
			board.apply(row(c, InteractionState.CONNECTED, agent, at, null, 1), now);
		}
		jdbc.batchUpdate("UPDATE interactions SET state = 'CONNECTED', agent_id = ?, connected_at = ?, version = 1 "
				+ "WHERE id = ?", contacts.stream().map(c -> new Object[] { by.get(c).value(), Timestamp.from(at),
						c.id().value() }).toList());
		return by;
	}

	private void setConnectedAt(List<Contact> contacts, Instant at) {
		jdbc.batchUpdate("UPDATE interactions SET connected_at = ? WHERE id = ?",
				contacts.stream().map(c -> new Object[] { Timestamp.from(at), c.id().value() }).toList());
	}

	private Instant close(List<Contact> contacts) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long now = at.toEpochMilli();
		contacts.forEach(c -> board.apply(row(c, InteractionState.CLOSED, null, null, at, 2), now));
		jdbc.batchUpdate("UPDATE interactions SET state = 'CLOSED', ended_at = ?, closed_at = ?, disposition = "
				+ "'RESOLVED', version = 2 WHERE id = ?", contacts.stream().map(c -> new Object[] { Timestamp.from(at),
						Timestamp.from(at), c.id().value() }).toList());
		return at;
	}

	private Instant abandon(List<Contact> contacts) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long now = at.toEpochMilli();
		contacts.forEach(c -> board.apply(row(c, InteractionState.ABANDONED, null, null, at, 1), now));
		jdbc.batchUpdate("UPDATE interactions SET state = 'ABANDONED', ended_at = ?, version = 1 WHERE id = ?",
				contacts.stream().map(c -> new Object[] { Timestamp.from(at), c.id().value() }).toList());
		return at;
	}

	private static Interaction row(Contact c, InteractionState state, AgentId agent, Instant connectedAt,
			Instant endedAt, long version) {
		return new Interaction(c.id(), c.customer(), Medium.CHAT, c.queue().key(), null, null, 0, state, agent, null,
				null, null, null, null, c.createdAt(), c.createdAt(), c.seq(), connectedAt, endedAt, endedAt, null, null,
				null, version);
	}

	// --- database reads per event (H2's query statistics)

	/** One more round with H2 counting statements, per event kind; statements per event by their text. */
	private Map<String, Map<String, Double>> countReads() throws Exception {
		Map<String, Map<String, Double>> perKind = new LinkedHashMap<>();
		int n = 200;
		List<Contact> fresh = enqueue(n);
		perKind.put("queued", counted(fresh.stream().map(this::queuedEvent).toList()));
		List<Contact> answered = heads(n);
		Map<Contact, AgentId> by = connect(answered);
		Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		setConnectedAt(answered, connectedAt);
		perKind.put("connected", counted(answered.stream().<Object>map(c -> new InteractionConnected(c.id(),
				c.customer(), by.get(c), connectedAt)).toList()));
		Instant endedAt = close(answered);
		perKind.put("closed", counted(answered.stream().map(c -> closedEvent(c, by.get(c), connectedAt, endedAt))
			.toList()));
		List<Contact> left = tails(n / 5);
		Instant leftAt = abandon(left);
		perKind.put("abandoned", counted(left.stream().<Object>map(c -> new InteractionAbandoned(c.id(), c.customer(),
				c.queue().key(), leftAt)).toList()));
		perKind.put("agent state", counted(agentEvents(n)));
		enqueue(n / 5); // keep the lines' length: n + n/5 left, n came
		return perKind;
	}

	private Map<String, Double> counted(List<Object> events) throws Exception {
		jdbc.execute("SET QUERY_STATISTICS FALSE");
		jdbc.execute("SET QUERY_STATISTICS TRUE");
		for (Object e : events) {
			fire(e);
		}
		List<Map<String, Object>> stats = jdbc.queryForList(
				"SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS");
		jdbc.execute("SET QUERY_STATISTICS FALSE");
		Map<String, Double> perEvent = new LinkedHashMap<>();
		for (var s : stats) {
			String sql = String.valueOf(s.get("SQL_STATEMENT")).replaceAll("\\s+", " ");
			if (sql.contains("QUERY_STATISTICS")) {
				continue;
			}
			perEvent.put(sql, ((Number) s.get("EXECUTION_COUNT")).doubleValue() / events.size());
		}
		return perEvent;
	}

	// --- figures

	/** Times of one event kind over the reported rounds. */
	static final class Figures {
		private long[] times = new long[0];
		private long wall;

		void add(long[] each, long wallNanos) {
			int from = times.length;
			times = Arrays.copyOf(times, from + each.length);
			System.arraycopy(each, 0, times, from, each.length);
			wall += wallNanos;
		}

		double perSecond() {
			return times.length / (wall / 1e9);
		}

		double micros(double quantile) {
			long[] s = times.clone();
			Arrays.sort(s);
			return s[Math.min(s.length - 1, (int) (s.length * quantile))] / 1e3;
		}

		@Override
		public String toString() {
			return String.format("%,9.0f events/s  p50 %7.1f µs  p99 %8.1f µs  (%,d events)", perSecond(), micros(0.5),
					micros(0.99), times.length);
		}
	}

	private static void print(Map<Integer, Map<String, Figures>> all, Map<String, Map<String, Double>> reads) {
		System.out.printf("%nSTATUS events per second absorbed by the status module (CenterStatus listeners, one thread, "
				+ "database reads included), by contacts waiting:%n");
		StringBuilder head = new StringBuilder(String.format("STATUS %-11s", "kind"));
		all.keySet().forEach(size -> head.append(String.format(" | %,7d waiting: ev/s, p50, p99      ", size)));
		head.append(" | rate ratio last/first");
		System.out.println(head);
		List<String> rows = new ArrayList<>(KINDS);
		rows.add(POSITION);
		for (String kind : rows) {
			StringBuilder line = new StringBuilder(String.format("STATUS %-11s", kind));
			Figures first = null;
			Figures last = null;
			for (var figures : all.values()) {
				Figures f = figures.get(kind);
				first = first == null ? f : first;
				last = f;
				line.append(String.format(" | %,9.0f  %7.1f µs  %8.1f µs", f.perSecond(), f.micros(0.5), f.micros(0.99)));
			}
			line.append(String.format(" | %.2f", last.perSecond() / first.perSecond()));
			System.out.println(line);
		}
		System.out.printf("STATUS (%s is not an event: routing's place in line of a contact just queued, which the "
				+ "queued event asks while every agent is busy; calls per second)%n", POSITION);
		System.out.printf("%nSTATUS database statements per event (the listener reads the interaction's row; H2 query "
				+ "statistics, at the first size; a statement run well under once per event comes from the coalesced push "
				+ "rendering the figures on its timer thread a few times a second, not from each event):%n");
		reads.forEach((kind, statements) -> {
			double total = statements.values().stream().mapToDouble(Double::doubleValue).sum();
			System.out.printf("STATUS %-11s %.2f statements per event%n", kind, total);
			statements.forEach((sql, count) -> System.out.printf("STATUS     %.2f x %s%n", count,
					sql.length() > 110 ? sql.substring(0, 110) + "..." : sql));
		});
	}
}
