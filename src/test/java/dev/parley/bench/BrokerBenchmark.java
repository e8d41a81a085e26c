package dev.parley.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.NewAgent;
import dev.parley.agent.Skill;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.routing.internal.RoutingBoard;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.TestDatabaseConfiguration;

/**
 * The broker benchmark (issue: the broker, "Speed"). Three parts, each printing its figures:
 * <ol>
 * <li><b>decision</b>: the routing board alone with 1,000 ready agents over 20 queues and 10,000 queued chats; the
 * time of one routing decision (which contact for a free agent; which agent for a new contact).</li>
 * <li><b>offer</b>: a whole Parley over HTTP with 10,000 chats queued (in a queue nobody serves), agents signed in
 * with their live channel open, accepting every offer at once and wrapping up a few seconds later; customers
 * start chats through the API at a steady rate; the time from sending "start" to the offer event arriving on
 * the agent's live channel.</li>
 * <li><b>chat</b>: connected chats, the customer side posting one message a second each through the API; the time
 * from sending to the message event on the agent's live channel; messages lost or duplicated.</li>
 * </ol>
 * Sizes come from system properties ({@code bench.agents}, {@code bench.backlog}, {@code bench.rate},
 * {@code bench.seconds}, {@code bench.chats}); {@code bench/broker-bench.sh} runs it. Not part of {@code mvn verify}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"parley.routing.resync=2s", "logging.level.dev.parley=warn", "parley.live.keep-alive=5s" })
@Import(TestDatabaseConfiguration.class)
class BrokerBenchmark {

	static final int AGENTS = Integer.getInteger("bench.agents", 200);
	static final int BACKLOG = Integer.getInteger("bench.backlog", 10_000);
	static final int RATE = Integer.getInteger("bench.rate", 20);
	static final int SECONDS = Integer.getInteger("bench.seconds", 30);
	static final int CHATS = Integer.getInteger("bench.chats", 2_000);
	static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 256);

	private static final Pattern EVENT = Pattern.compile("\"interaction\":\"([0-9a-f-]{36})\"");
	private static final Pattern OFFER_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
	private static final Pattern BODY = Pattern.compile("\"body\":\"m(\\d+)\"");
	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
		.executor(Executors.newFixedThreadPool(8)).build();

	@Test
	void decision() {
		var board = new RoutingBoard();
		var random = new Random(1);
		List<Queue> qs = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Queue q = new Queue("q" + i, "Q" + i, null, "g", Set.of(Medium.CHAT), Set.of(),
					List.of(new RequiredSkill("s" + (i % 5), 1)), RoutingStrategy.values()[i % 4], 0, Duration.ofSeconds(20),
					3, Duration.ofSeconds(60), Duration.ofSeconds(20), false, 0);
			board.putQueue(q);
			qs.add(q);
		}
		List<Agent> all = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			var capacity = new EnumMap<Medium, Integer>(Medium.class);
			capacity.put(Medium.CHAT, 3);
			Agent a = new Agent(new AgentId(UUID.randomUUID()), "A" + i, "g",
					List.of(new Skill("s" + (i % 5), 1 + random.nextInt(5)), new Skill("s" + ((i + 1) % 5), 1)), capacity);
			board.putAgent(a, 0);
			board.setAvailable(a.id(), true, i);
			all.add(a);
		}
		long seq = 0;
		Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
		for (int i = 0; i < 10_000; i++) {
			board.apply(queued(qs.get(random.nextInt(qs.size())), t0.plusMillis(i), ++seq), 0);
		}
		long[] forAgent = new long[20_000];
		long[] forContact = new long[20_000];
		int warm = 2_000;
		for (int i = 0; i < warm + forAgent.length; i++) {
			Agent a = all.get(random.nextInt(all.size()));
			long s = System.nanoTime();
			board.matchFor(a.id());
			long took = System.nanoTime() - s;
			Interaction fresh = queued(qs.get(random.nextInt(qs.size())), t0.plusSeconds(100_000 + i), ++seq);
			board.apply(fresh, 0);
			s = System.nanoTime();
			board.matchFor(fresh.id(), 0);
			long took2 = System.nanoTime() - s;
			if (i >= warm) {
				forAgent[i - warm] = took;
				forContact[i - warm] = took2;
			}
		}
		System.out.printf("%nBROKER decision (1,000 ready agents, 20 queues, %,d queued chats)%n", 10_000);
		System.out.println("  which contact for a free agent: " + micros(forAgent));
		System.out.println("  which agent for a new contact : " + micros(forContact));
	}

	@Test
	void offerAndChat() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 30);
		Queue backlog = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 30,
				new RequiredSkill("nobody-has-it", 1));
		fill(backlog, BACKLOG);

		System.out.printf("%nBROKER setup: %d agents, %,d chats queued in a queue nobody serves...%n", AGENTS, BACKLOG);
		List<AgentSide> desks = new ArrayList<>();
		ExecutorService setup = Executors.newFixedThreadPool(2);
		List<java.util.concurrent.Future<AgentSide>> pending = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			pending.add(setup.submit(() -> agentSide(group)));
		}
		for (var f : pending) {
			desks.add(f.get());
		}
		int customersNeeded = Math.max(RATE * SECONDS / 2, CHATS);
		List<String> customers = new ArrayList<>();
		List<java.util.concurrent.Future<String>> tokensPending = new ArrayList<>();
		for (int i = 0; i < customersNeeded; i++) {
			tokensPending.add(setup.submit(() -> AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token()));
		}
		for (var f : tokensPending) {
			customers.add(f.get());
		}
		setup.shutdown();
		Thread.sleep(3_000); // a resync has put the backlog on the board

		offers(queue, desks, customers);
		chats(queue, desks, customers);
	}

	/** Part 2: start chats at a steady rate; time to the offer on the agent's live channel. */
	private void offers(Queue queue, List<AgentSide> desks, List<String> customers) throws Exception {
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		Map<String, Long> started = new ConcurrentHashMap<>();
		offerArrivals.clear();
		autoAccept = true;
		ScheduledExecutorService tick = Executors.newSingleThreadScheduledExecutor();
		AtomicInteger n = new AtomicInteger();
		int total = RATE * SECONDS;
		var done = new java.util.concurrent.CountDownLatch(total);
		tick.scheduleAtFixedRate(() -> {
			int i = n.getAndIncrement();
			if (i >= total) {
				return;
			}
			String token = customers.get(i % customers.size());
			long s = System.nanoTime();
			http.sendAsync(post("/api/v1/me/interactions", token, "{\"medium\":\"chat\",\"queue\":\"" + queue.key() + "\"}"),
					HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
						if (r != null && r.statusCode() == 201) {
							Matcher m = ID.matcher(r.body());
							if (m.find()) {
								started.put(m.group(1), s);
							}
						}
						done.countDown();
					});
		}, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
		done.await(SECONDS + 60, TimeUnit.SECONDS);
		Thread.sleep(3_000);
		tick.shutdownNow();
		List<Long> latencies = new ArrayList<>();
		int missing = 0;
		for (var e : started.entrySet()) {
			Long arrived = offerArrivals.get(e.getKey());
			if (arrived == null) {
				missing++;
			}
			else {
				latencies.add(arrived - e.getValue());
			}
		}
		System.out.printf("%nBROKER start chat -> offer on the agent's live channel (%d chats at %d/s, %,d queued elsewhere)%n",
				started.size(), RATE, BACKLOG);
		System.out.println("  " + millis(latencies.stream().mapToLong(Long::longValue).toArray()) + ", no offer seen: "
				+ missing);
		autoAccept = false;
		Thread.sleep(8_000); // the wrap-ups run out, agents are free again
	}

	/** Part 3: connected chats, one message a second each from the customer; time to the agent's live channel. */
	private void chats(Queue queue, List<AgentSide> desks, List<String> customers) throws Exception {
		int chats = Math.min(CHATS, desks.size() * 3);
		autoAccept = true;
		holdChats = true;
		List<String[]> open = new ArrayList<>(); // {interaction, customer token}
		for (int i = 0; i < chats; i++) {
			String token = customers.get(i);
			var r = http.send(post("/api/v1/me/interactions", token, "{\"medium\":\"chat\",\"queue\":\"" + queue.key() + "\"}"),
					HttpResponse.BodyHandlers.ofString());
			Matcher m = ID.matcher(r.body());
			if (r.statusCode() == 201 && m.find()) {
				open.add(new String[] { m.group(1), token });
			}
		}
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < until && connected.size() < open.size()) {
			Thread.sleep(200);
		}
		List<String[]> live = open.stream().filter(o -> connected.contains(o[0])).toList();
		System.out.printf("%nBROKER chat: %d chats connected of %d asked (agents' capacity %d)%n", live.size(), chats,
				desks.size() * 3);
		messageArrivals.clear();
		Map<String, Long> sent = new ConcurrentHashMap<>();
		AtomicLong failed = new AtomicLong();
		ScheduledExecutorService tick = Executors.newScheduledThreadPool(2);
		int seconds = SECONDS;
		// At most IN_FLIGHT requests open at once: generator and server share one process and its open-file limit, and
		// an unbounded burst of connections ran out of files. A message waiting for its turn is timed from when it was
		// due, so the wait counts in its latency.
		java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
		long t0 = System.nanoTime();
		for (int c = 0; c < live.size(); c++) {
			String[] chat = live.get(c);
			AtomicInteger k = new AtomicInteger();
			long offset = c * 1_000L / Math.max(1, live.size());
			tick.scheduleAtFixedRate(() -> {
				int i = k.getAndIncrement();
				if (i >= seconds) {
					return;
				}
				String key = chat[0] + "/" + i;
				sent.put(key, t0 + TimeUnit.MILLISECONDS.toNanos(offset + i * 1_000L));
				inFlight.acquireUninterruptibly();
				http.sendAsync(post("/api/v1/me/interactions/" + chat[0] + "/messages", chat[1],
						"{\"body\":\"m" + i + "\",\"clientId\":\"" + key + "\"}"), HttpResponse.BodyHandlers.ofString())
					.whenComplete((r, e) -> {
						inFlight.release();
						if (r == null || r.statusCode() != 201) {
							failed.incrementAndGet();
						}
					});
			}, offset, 1_000, TimeUnit.MILLISECONDS);
		}
		Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) + 10_000);
		tick.shutdownNow();
		List<Long> latencies = new ArrayList<>();
		long lost = 0;
		for (var e : sent.entrySet()) {
			Long arrived = messageArrivals.get(e.getKey());
			if (arrived == null) {
				lost++;
			}
			else {
				latencies.add(arrived - e.getValue());
			}
		}
		System.out.printf("BROKER chat message -> agent's live channel (%d chats, 1 message/s each, %d s)%n", live.size(),
				seconds);
		System.out.println("  " + millis(latencies.stream().mapToLong(Long::longValue).toArray()) + ", sent "
				+ sent.size() + ", refused " + failed.get() + ", not delivered " + lost + ", delivered twice "
				+ duplicates.get());
	}

	final Map<String, Long> offerArrivals = new ConcurrentHashMap<>();
	final Map<String, Long> messageArrivals = new ConcurrentHashMap<>();
	final Set<String> connected = ConcurrentHashMap.newKeySet();
	final AtomicLong duplicates = new AtomicLong();
	volatile boolean autoAccept;
	volatile boolean holdChats;
	final ScheduledExecutorService wrapUps = Executors.newScheduledThreadPool(1);

	/** One thread per agent's live stream: a stream read on the caller's thread (a future already complete when
	 * {@code thenAccept} runs) would block the setup pool forever. */
	final ExecutorService listeners = Executors.newCachedThreadPool();

	/** An agent signed in with the form, ready, with their live channel open; accepts offers while asked to. */
	record AgentSide(Agent agent, String token, HttpClient session) {
	}

	private AgentSide agentSide(String group) throws Exception {
		String username = AccountFixtures.uniqueName("bench-agent");
		Agent agent = agents.hire(new NewAgent(username, AccountFixtures.PASSWORD, "Bench " + username, group, List.of(),
				java.util.EnumSet.of(Medium.CHAT)), null);
		String token = tokens.issue(identity.findByUsername(username).orElseThrow().id(), "bench", null).secret();
		var session = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
			.executor(Executors.newSingleThreadExecutor()).build();
		String login = session.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(login);
		m.find();
		session.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
					+ enc(AccountFixtures.PASSWORD) + "&_csrf=" + enc(m.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		var side = new AgentSide(agent, token, session);
		session.sendAsync(HttpRequest.newBuilder(URI.create(base() + "/live/presence?want=")).build(),
				HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> listen(side, r.body()), listeners);
		http.send(put("/api/v1/agent/state", token, "{\"state\":\"ready\"}"), HttpResponse.BodyHandlers.ofString());
		return side;
	}

	private void listen(AgentSide side, java.util.stream.Stream<String> lines) {
		String[] event = { null };
		lines.forEach(line -> {
			long now = System.nanoTime();
			if (line.startsWith("event:")) {
				event[0] = line.substring(6).strip();
				return;
			}
			if (!line.startsWith("data:") || event[0] == null) {
				return;
			}
			String data = line.substring(5);
			if (event[0].equals("offer")) {
				Matcher i = EVENT.matcher(data);
				Matcher o = OFFER_ID.matcher(data);
				if (i.find() && o.find()) {
					offerArrivals.putIfAbsent(i.group(1), now);
					if (autoAccept) {
						accept(side, o.group(1), i.group(1));
					}
				}
			}
			else if (event[0].equals("message") && data.contains("\"sender\":\"customer\"")) {
				Matcher i = EVENT.matcher(data);
				Matcher b = BODY.matcher(data);
				if (i.find() && b.find()) {
					if (messageArrivals.putIfAbsent(i.group(1) + "/" + b.group(1), now) != null) {
						duplicates.incrementAndGet();
					}
				}
			}
			event[0] = null;
		});
	}

	private void accept(AgentSide side, String offer, String interaction) {
		http.sendAsync(post("/api/v1/agent/offers/" + offer + "/accept", side.token(), ""),
				HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
					if (r.statusCode() != 200) {
						return;
					}
					connected.add(interaction);
					if (!holdChats) {
						wrapUps.schedule(() -> finish(side, interaction), 3, TimeUnit.SECONDS);
					}
				});
	}

	private void finish(AgentSide side, String interaction) {
		http.sendAsync(post("/api/v1/agent/interactions/" + interaction + "/end", side.token(), ""),
				HttpResponse.BodyHandlers.ofString())
			.thenCompose(r -> http.sendAsync(post("/api/v1/agent/interactions/" + interaction + "/wrap-up", side.token(),
					"{\"disposition\":\"resolved\",\"summary\":\"bench\"}"), HttpResponse.BodyHandlers.ofString()));
	}

	/** Queued chats straight into the table (no accounts needed); a resync puts them on the board. */
	private void fill(Queue backlog, int count) {
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Timestamp at = Timestamp.from(now.minusSeconds(count - i));
			rows.add(new Object[] { UUID.randomUUID(), UUID.randomUUID(), "CHAT", backlog.key(), 0, "QUEUED", at, at,
					i + 1L });
		}
		new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
				INSERT INTO interactions (id, customer_id, medium, queue_key, priority, state, created_at, enqueued_at,
				enqueue_seq, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private HttpRequest post(String path, String token, String json) {
		return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
	}

	private HttpRequest put(String path, String token, String json) {
		return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private static Interaction queued(Queue q, Instant at, long seq) {
		return new Interaction(InteractionId.random(), new CustomerId(UUID.randomUUID()), Medium.CHAT, q.key(), null,
				null, 0, InteractionState.QUEUED, null, null, null, null, null, null, at, at, seq, null, null, null, null,
				null, null, seq);
	}

	private static String micros(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		return String.format("p50 %.1f µs, p99 %.1f µs, max %.1f µs over %,d decisions", s[s.length / 2] / 1e3,
				s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3, s.length);
	}

	private static String millis(long[] nanos) {
		if (nanos.length == 0) {
			return "no samples";
		}
		long[] s = nanos.clone();
		Arrays.sort(s);
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %,d", s[s.length / 2] / 1e6,
				s[(int) (s.length * 0.95)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6, s.length);
	}

	private static String enc(String v) {
		return URLEncoder.encode(v, StandardCharsets.UTF_8);
	}
}
