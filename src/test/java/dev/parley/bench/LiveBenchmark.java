package dev.parley.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The live channel at scale (issue: "20,000 open pages, every change on screen within 100 ms"). Parley runs as a
 * child process ({@link LiveBenchServer}) on PostgreSQL; {@link LiveBenchAccounts} makes a center, agents and
 * customers and signs every page in with the form; {@link LiveHolder} processes hold the pages' event streams on raw
 * sockets. Per connection count it prints:
 * <ul>
 * <li>connections held (agents' workstations ask {@code want=customers}, customers' home pages {@code want=status});</li>
 * <li>broadcast: an agent's state changes through the API, which moves the center's {@code agentsAvailable}; the time
 * from sending the change to the first {@code status} event carrying the new value, on every customer page;</li>
 * <li>single viewer: an agent's chat message through the API; the time to the {@code message} event on the customer's
 * page;</li>
 * <li>both measured on the pages already open while the rest connect, and again with all of them open;</li>
 * <li>heap per open idle connection (after full collections, before and after opening them; the sessions of the
 * sign-ins apart), and the server's CPU over the measurement.</li>
 * </ul>
 * Settings by system property: {@code bench.connections} (comma-separated counts, default 1000,5000,20000),
 * {@code bench.agents} (300; at most a tenth of the connections), {@code bench.chats} (100), {@code bench.pilots}
 * (500 customer pages open before the rest), {@code bench.rounds} (30), {@code bench.message-rate} (20/s),
 * {@code bench.warmup} (20 s of messages before the measured phase, when there are chats), {@code bench.connect-rate} (1000 pages/s), {@code bench.jar} (another build's jar as the server),
 * {@code bench.db-url}, {@code bench.heap} (3g), {@code bench.jfr}, {@code bench.label}. {@code bench/live-bench.sh}
 * runs it. Not part of {@code mvn verify}.
 */
@Tag("bench")
class LiveBenchmark {

	static final String LABEL = System.getProperty("bench.label", "this build");
	static final int AGENTS = Integer.getInteger("bench.agents", 300);
	static final int CHATS = Integer.getInteger("bench.chats", 100);
	static final int PILOTS = Integer.getInteger("bench.pilots", 500);
	static final int ROUNDS = Integer.getInteger("bench.rounds", 30);
	/** Whether a round changes a figure every page shows (false: the rounds only pace the phase; chat alone). */
	static final boolean BROADCAST = Boolean.parseBoolean(System.getProperty("bench.broadcast", "true"));
	static final int MESSAGE_RATE = Integer.getInteger("bench.message-rate", 20);
	static final int CONNECT_RATE = Integer.getInteger("bench.connect-rate", 1000);
	/** Seconds of chat messages (and broadcasts) at the full rate before the measured phase, not measured: the
	 * server's compiler finishes its work on the message path (it took a seventh of a core in the first seconds). */
	static final int WARMUP = Integer.getInteger("bench.warmup", 20);
	/** Connections (and threads) the chat messages are posted on: as many as messages may be on their way at once. */
	static final int POSTERS = Integer.getInteger("bench.posters", 256);
	/** How the agents' chat messages go: {@code http} (a request each) or {@code socket} (the chat socket). */
	static final String CHAT_TRANSPORT = System.getProperty("bench.chat-transport", "http");
	static final int PER_HOLDER = Integer.getInteger("bench.per-holder", 2_500);
	static final boolean HISTOGRAM = Boolean.getBoolean("bench.histogram");

	private final List<String> table = new ArrayList<>();

	@Test
	void liveChannelAtScale() throws Exception {
		String counts = System.getProperty("bench.connections", "1000,5000,20000");
		say("LIVE %s: %s; %d cores; load average before: %s", LABEL, jarOrClasspath(),
				Runtime.getRuntime().availableProcessors(), loadAverage());
		for (String c : counts.split(",")) {
			run(Integer.parseInt(c.strip()));
		}
		say("%nLIVE table (%s): connections asked | held | broadcast p50 / p99 (ms) | while connecting p50 / p99 | "
				+ "single viewer p50 / p99 (ms) | while connecting | heap per idle connection (KiB; with its session) | "
				+ "server CPU (%% of one core)", LABEL);
		table.forEach(System.out::println);
	}

	private void run(int asked) throws Exception {
		Path dir = Files.createTempDirectory("parley-live-bench-");
		String dbUrl = System.getProperty("bench.db-url", "jdbc:postgresql://127.0.0.1:5432/bench_live");
		try (var server = new LiveBenchServer(dbUrl, dir)) {
			say("%nLIVE %,d connections asked (%s); load average %s; logs in %s", asked, LABEL, loadAverage(), dir);
			server.start(System.getProperty("bench.jar"), System.getProperty("bench.heap", "3g"),
					Boolean.getBoolean("bench.jfr"), List.of());
			say("LIVE   server pid %d: %s", server.pid(), String.join(" ", server.settings()));
			long room = server.openFilesLimit() - server.openFiles() - 150;
			final int total = (int) Math.min(asked, room);
			if (asked > room) {
				say("LIVE   the server may open %d files (ulimit -n, not raisable here) and holds %d already: %,d "
						+ "connections at most", server.openFilesLimit(), server.openFiles(), total);
			}
			// a tenth of the pages are workstations unless bench.agents asks for more (a chat load: three chats an agent)
			int agents = System.getProperty("bench.agents") != null ? Math.min(AGENTS, total / 2)
					: Math.min(AGENTS, Math.max(10, total / 10));
			int customers = total - agents;
			int chats = Math.min(CHATS, Math.min(customers, (agents - 1) * 3)); // three chats a desk; the last agent toggles
			var accounts = new LiveBenchAccounts(server.base(), dbUrl, System.getProperty("bench.db-user", "postgres"));
			long t = System.nanoTime();
			accounts.center();
			List<LiveBenchAccounts.Account> agentList = accounts.agents(agents);
			List<LiveBenchAccounts.Account> customerList = accounts.customers(customers);
			accounts.cheapSignIns();
			say("LIVE   accounts: %d agents (admin API), %,d customers (one registered, cloned by SQL) in %.1f s; every bench "
					+ "password hash is bcrypt cost 4 ($2a$04$), so sign-ins are cheap", agents, customers, secs(t));
			long heapEmpty = server.heapAfterGc();

			List<LiveBenchAccounts.Account> all = new ArrayList<>(agentList);
			all.addAll(customerList);
			t = System.nanoTime();
			signInAll(accounts, all);
			say("LIVE   %,d form sign-ins (GET /login, POST /login) in %.1f s (%.0f/s)", all.size(), secs(t),
					all.size() / secs(t));
			long heapSignedIn = server.heapAfterGc();
			var before = HISTOGRAM ? server.histogram() : null;

			try (var holders = new LiveHolders(total, PER_HOLDER, server.port, dir)) {
				for (int i = 0; i < total; i++) {
					holders.add(i, i < agents ? "/live/presence?want=customers" : "/live/presence?want=status",
							all.get(i).cookie);
				}
				holders.flush();
				int pilots = Math.min(total, agents + Math.max(chats, Math.min(PILOTS, customers / 2)));
				holders.open(0, pilots - 1, 500, 200);
				if (!holders.awaitOpened(pilots, 120)) {
					say("LIVE   only %d of %d first pages opened; failures: %s", holders.opened.get(), pilots,
							holders.failures);
				}
				var desk = new Desk(accounts, agentList, customerList, agents, server.port);
				desk.chats(chats);
				say("LIVE   %d pages open (%d workstations, %d customers), %d chats connected; %d holder processes",
						pilots, agents, pilots - agents, desk.chats.size(), holders.holders());

				// the rest connect while pushes go on to the pages already open
				long cpu0 = server.cpuTicks();
				t = System.nanoTime();
				holders.open(pilots, total - 1, CONNECT_RATE, 100);
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + total / Math.max(1, CONNECT_RATE / 4));
				Phase connecting = desk.phase(holders, () -> holders.opened.get() + holders.failed.get() >= total
						|| System.nanoTime() > deadline, Integer.MAX_VALUE);
				double connectSecs = (holders.lastOpenedAt.get() - t) / 1e9;
				long cpu1 = server.cpuTicks();
				say("LIVE   %,d more pages connected in %.1f s (%.0f/s asked %d/s; server CPU %.0f%% of a core); failed %d %s",
						holders.opened.get() - pilots, connectSecs, (holders.opened.get() - pilots) / connectSecs,
						CONNECT_RATE, (cpu1 - cpu0) / secs(t), holders.failed.get(), holders.failures);
				if (WARMUP > 0 && !desk.chats.isEmpty()) {
					long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP);
					desk.phase(holders, () -> System.nanoTime() > warm, Integer.MAX_VALUE);
					say("LIVE   %d s of chat messages at %d/s before measuring (not counted)", WARMUP, MESSAGE_RATE);
				}
				// the messages queued while the pages connected are sent first: the steady phase starts with none waiting
				while (desk.chatSender.waiting() > 0) {
					Thread.sleep(100);
				}
				// this JVM (the sender) starts the measured phase with an empty young generation: its own collections
				// during the phase delay the messages it should send, and count in their latency
				System.gc();
				// the server's metrics before the phase, taken before the pause: writing them out is work for the server
				Scrape scrape0 = scrape(accounts);
				Thread.sleep(5_000);
				int held = holders.openNow();

				long cpu2 = server.cpuTicks();
				t = System.nanoTime();
				desk.chatSender.answerTimes(); // those while connecting
				Map<String, Long> split0 = cpuSplit(server.pid());
				Phase steady = desk.phase(holders, () -> false, ROUNDS);
				Scrape scrape1 = scrape(accounts);
				String answered = desk.chatSender.answerTimes();
				String split = cpuShares(split0, cpuSplit(server.pid()), secs(t));
				double cpu = (server.cpuTicks() - cpu2) / secs(t);
				// the heap is measured after the steady phase, with the pages still open: its full collections (and the
				// heap they give back) disturbed the first seconds measured when they came before
				long heapOpen = server.heapAfterGc();
				if (HISTOGRAM) {
					histogramGrowth(before, server.histogram(), held);
				}
				long rss = server.residentBytes();
				int files = server.openFiles();
				Thread.sleep(2_000);
				Result during = connecting.result(holders);
				Result after = steady.result(holders);
				say("LIVE   held %,d of %,d (pages cut by the server meanwhile: %d, reconnected: %d; answered 503 while "
						+ "connecting and tried again after a back-off: %,d)", held, total, holders.cut.get(),
						holders.reopened.get(), holders.busy.get());
				say("LIVE   while connecting: broadcast %s (%d rounds; %d changes refused); single viewer %s (%d refused)",
						during.broadcast, connecting.rounds.size(), connecting.refused, during.single,
						connecting.refusedMessages.get());
				say("LIVE   all open        : broadcast %s (%d rounds; %d changes refused); single viewer %s (%d refused)",
						after.broadcast, steady.rounds.size(), steady.refused, after.single, steady.refusedMessages.get());
				if (!after.singleByWindow().isEmpty()) {
					say("LIVE   single viewer p99 of each 5 s (all open), ms: %s", after.singleByWindow());
				}
				say("LIVE   chat messages posted (all open): %,d at %d/s asked (%s); the server's answer, sent to received: %s",
						steady.messages.size() + steady.refusedMessages.get(), MESSAGE_RATE,
						CHAT_TRANSPORT.equals("socket") ? "the agents' chat sockets" : "a request each", answered);
				double perConn = (heapOpen - heapSignedIn) / 1024.0 / held;
				double perConnSession = (heapOpen - heapEmpty) / 1024.0 / held;
				say("LIVE   heap after full GC: %.0f MiB with no page, %.0f MiB signed in (%.1f KiB a session), %.0f MiB "
						+ "with the pages open: %.1f KiB per open idle connection (%.1f KiB with its session); RSS %.0f MiB;"
						+ " open files %d", heapEmpty / 1048576.0, heapSignedIn / 1048576.0,
						(heapSignedIn - heapEmpty) / 1024.0 / all.size(), heapOpen / 1048576.0, perConn, perConnSession,
						rss / 1048576.0, files);
				double groups = scrape1.increase(scrape0, "parley_chat_commit_seconds_count");
				if (groups > 0) {
					say("LIVE   the server's chat commits (all open): a message's wait for its group's commit %s; a group's "
							+ "statements and commit %s groups, %.1f messages a group", scrape1.timer(scrape0,
									"parley_chat_commit_wait_seconds"), scrape1.timer(scrape0, "parley_chat_commit_seconds"),
							scrape1.increase(scrape0, "parley_chat_commit_messages_sum") / groups);
				}
				say("LIVE   the server's API token reads (all open): %,.0f ahead of time, %,.0f a request waited for; "
						+ "tokens' last uses written %,.0f", scrape1.increase(scrape0, "parley_identity_token_reads_total",
								"on=\"ahead\""), scrape1.increase(scrape0, "parley_identity_token_reads_total", "on=\"request\""),
						scrape1.increase(scrape0, "parley_identity_token_uses_written_total"));
				say("LIVE   the server's collector pauses (all open): %,.0f, %.0f ms in all", scrape1.increase(scrape0,
						"jvm_gc_pause_seconds_count"), scrape1.increase(scrape0, "jvm_gc_pause_seconds_sum") * 1e3);
				say("LIVE   server CPU while measuring (all open): %.0f%% of one core; load average %s", cpu, loadAverage());
				say("LIVE   the machine's CPU while measuring, %% of one core: %s", split);
				table.add(String.format(Locale.ROOT, "LIVE | %,d | %,d | %s | %s | %s | %s | %.1f (%.1f) | %.0f%% |", asked,
						held, after.broadcast.short2(), during.broadcast.short2(), after.single.short2(),
						during.single.short2(), perConn, perConnSession, cpu));
			}
		}
	}

	/** What the open connections added to the heap, per class, largest first. */
	private static void histogramGrowth(Map<String, long[]> before, Map<String, long[]> after, int connections) {
		say("LIVE   heap growth per open connection by class (jcmd GC.class_histogram, after minus before):");
		after.entrySet().stream().map(e -> {
			long[] b = before.getOrDefault(e.getKey(), new long[2]);
			return Map.entry(e.getKey(), new long[] { e.getValue()[0] - b[0], e.getValue()[1] - b[1] });
		}).filter(e -> e.getValue()[1] > 0).sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(40)
			.forEach(e -> say("LIVE     %8.2f objects %9.0f bytes  %s", e.getValue()[0] / (double) connections,
					e.getValue()[1] / (double) connections, e.getKey()));
	}

	private static void signInAll(LiveBenchAccounts accounts, List<LiveBenchAccounts.Account> all) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (var a : all) {
			done.add(pool.submit(() -> {
				accounts.signIn(a);
				return null;
			}));
		}
		for (var f : done) {
			f.get();
		}
		pool.shutdown();
	}

	/** Percentiles of a set of latencies in microseconds. */
	record Figures(long[] micros, long missing) {
		@Override
		public String toString() {
			if (micros.length == 0) {
				return "no samples (missing " + missing + ")";
			}
			long[] s = micros.clone();
			Arrays.sort(s);
			return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d deliveries, %,d missing",
					s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3, s.length, missing);
		}

		String short2() {
			if (micros.length == 0) {
				return "-";
			}
			long[] s = micros.clone();
			Arrays.sort(s);
			return String.format(Locale.ROOT, "%.1f / %.1f%s", s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3,
					missing > 0 ? " (" + missing + " missing)" : "");
		}
	}

	/** A phase's figures; {@code singleByWindow}: the single-viewer p99 of each 5 s of the phase (by when it was due). */
	record Result(Figures broadcast, Figures single, String singleByWindow) {
	}

	/** What one phase sent: broadcast rounds (sent at, value awaited) and chat messages (client id, sent at, page). */
	static final class Phase {
		final List<long[]> rounds = new ArrayList<>();
		final Map<String, long[]> messages = new ConcurrentHashMap<>();
		int refused;
		final AtomicInteger refusedMessages = new AtomicInteger();

		Result result(LiveHolders holders) throws InterruptedException {
			long[] missing = { 0 };
			long[] broadcast = holders.rounds(rounds, missing);
			List<Long> single = new ArrayList<>();
			var windows = new java.util.TreeMap<Long, List<Long>>();
			long start = messages.values().stream().mapToLong(v -> v[0]).min().orElse(0);
			long lost = 0;
			for (var e : messages.entrySet()) {
				long sentAt = e.getValue()[0];
				int page = (int) e.getValue()[1];
				var arrivals = holders.messages.getOrDefault(e.getKey(), List.of());
				long at = -1;
				synchronized (arrivals) {
					for (var a : arrivals) {
						if (a.page() == page) {
							at = a.at();
						}
					}
				}
				if (at < 0) {
					lost++;
				}
				else {
					single.add((at - sentAt) / 1_000);
					windows.computeIfAbsent((sentAt - start) / 5_000_000_000L, w -> new ArrayList<>()).add((at - sentAt) / 1_000);
				}
			}
			var byWindow = new StringBuilder();
			for (List<Long> w : windows.values()) {
				w.sort(null);
				byWindow.append(byWindow.length() == 0 ? "" : ", ").append(w.get((int) (w.size() * 0.99)) / 1_000);
			}
			return new Result(new Figures(broadcast, missing[0]),
					new Figures(single.stream().mapToLong(Long::longValue).toArray(), lost), byWindow.toString());
		}
	}

	/** The agents' side: chats set up through the API, and the changes a phase makes. */
	static final class Desk {
		record Chat(String interaction, LiveBenchAccounts.Account agent, int customerPage) {
		}

		final LiveBenchAccounts accounts;
		final List<LiveBenchAccounts.Account> agents;
		final List<LiveBenchAccounts.Account> customers;
		final int firstCustomerPage;
		final List<Chat> chats = new ArrayList<>();
		final LiveBenchAccounts.Account toggler;
		boolean togglerReady;
		final AtomicLong sequence = new AtomicLong();
		/**
		 * The chat messages' sender: keep-alive connections on raw sockets (a lean generator), or the agents' chat
		 * sockets ({@code bench.chat-transport=socket}).
		 */
		final ChatSender chatSender;

		Desk(LiveBenchAccounts accounts, List<LiveBenchAccounts.Account> agents, List<LiveBenchAccounts.Account> customers,
				int firstCustomerPage, int port) throws Exception {
			this.accounts = accounts;
			this.chatSender = CHAT_TRANSPORT.equals("socket") ? new SocketPoster("127.0.0.1", port)
					: ChatSender.overHttp(new ApiPoster("127.0.0.1", port, POSTERS));
			this.agents = agents;
			this.customers = customers;
			this.firstCustomerPage = firstCustomerPage;
			this.toggler = agents.get(agents.size() - 1);
			accounts.token(toggler);
		}

		/** Agents ready, customers start chats, agents accept the offers: {@code count} chats connected. */
		void chats(int count) throws Exception {
			int deskCount = Math.max(1, (count + 2) / 3);
			for (int i = 0; i < deskCount; i++) {
				var a = agents.get(i);
				accounts.token(a);
				accounts.api("PUT", "/api/v1/agent/state", a.token, "{\"state\":\"ready\"}", 200);
			}
			Map<String, Integer> pageOf = new ConcurrentHashMap<>();
			for (int i = 0; i < count; i++) {
				var c = customers.get(i);
				accounts.token(c);
				String body = accounts.api("POST", "/api/v1/me/interactions", c.token,
						"{\"medium\":\"chat\",\"queue\":\"" + LiveBenchAccounts.QUEUE + "\"}", 201);
				pageOf.put(LiveBenchAccounts.json(body).get("id").asString(), firstCustomerPage + i);
			}
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (chats.size() < count && System.nanoTime() < until) {
				for (int i = 0; i < deskCount; i++) {
					var a = agents.get(i);
					for (var offer : LiveBenchAccounts.json(accounts.api("GET", "/api/v1/agent/offers", a.token, null, 200))) {
						String interaction = offer.get("interaction").get("id").asString();
						var r = accounts.http.send(accounts.request("POST", "/api/v1/agent/offers/"
								+ offer.get("id").asString() + "/accept", a.token, null), HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 200 && pageOf.containsKey(interaction)) {
							chats.add(new Chat(interaction, a, pageOf.get(interaction)));
						}
					}
				}
				Thread.sleep(200);
			}
		}

		/**
		 * Broadcast rounds (about a second apart, at a random point of the second) and chat messages (at
		 * {@code bench.message-rate}, Poisson arrivals, round the chats) until {@code done}.
		 */
		Phase phase(LiveHolders holders, BooleanSupplier done, int maxRounds) throws Exception {
			var phase = new Phase();
			ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
			AtomicInteger next = new AtomicInteger();
			Runnable[] send = new Runnable[1];
			// each message is timed from when it was due (Poisson arrivals), so a late sender counts in its latency
			long[] due = { System.nanoTime() };
			send[0] = () -> {
				if (!chats.isEmpty()) {
					Chat c = chats.get(next.getAndIncrement() % chats.size());
					String id = "b" + sequence.incrementAndGet();
					phase.messages.put(id, new long[] { due[0], c.customerPage() });
					chatSender.send(c.interaction(), c.agent().token, "bench " + id, id, status -> {
						if (status != 201) {
							phase.messages.remove(id);
							phase.refusedMessages.incrementAndGet();
						}
					});
				}
				double gap = -Math.log(1 - ThreadLocalRandom.current().nextDouble()) / MESSAGE_RATE;
				due[0] += (long) (gap * 1e9);
				sender.schedule(send[0], Math.max(0, due[0] - System.nanoTime()), TimeUnit.NANOSECONDS);
			};
			if (MESSAGE_RATE > 0) {
				sender.execute(send[0]);
			}
			int made = 0;
			while (!done.getAsBoolean() && made < maxRounds) {
				Thread.sleep(750 + ThreadLocalRandom.current().nextInt(500));
				if (!BROADCAST) {
					made++;
					continue;
				}
				int now;
				try {
					now = available();
				}
				catch (RuntimeException e) {
					phase.refused++;
					continue;
				}
				togglerReady = !togglerReady;
				int expected = now + (togglerReady ? 1 : -1);
				long sentAt = System.nanoTime();
				int status;
				try {
					status = accounts.http.send(accounts.request("PUT", "/api/v1/agent/state", toggler.token, togglerReady
							? "{\"state\":\"ready\"}" : "{\"state\":\"not-ready\",\"reason\":\"break\"}"),
							HttpResponse.BodyHandlers.discarding()).statusCode();
				}
				catch (java.io.IOException e) {
					status = -1;
				}
				if (status == 200) {
					phase.rounds.add(new long[] { sentAt, expected });
					made++;
				}
				else {
					phase.refused++;
					togglerReady = !togglerReady;
				}
			}
			sender.shutdownNow();
			Thread.sleep(2_000); // the last ones arrive
			return phase;
		}

		private int available() throws Exception {
			return LiveBenchAccounts.json(accounts.api("GET", "/api/v1/status", accounts.adminToken, null, 200))
				.get("agentsAvailable").asInt();
		}
	}

	/** The server's metrics now (an administrator's token). */
	static Scrape scrape(LiveBenchAccounts accounts) throws Exception {
		return Scrape.parse(accounts.api("GET", "/actuator/prometheus", accounts.adminToken, null, 200));
	}

	/** CPU ticks (1/100 s) used so far by the server, this JVM, the load processes, PostgreSQL and the rest. */
	static Map<String, Long> cpuSplit(long serverPid) {
		Map<String, Long> ticks = new java.util.LinkedHashMap<>();
		for (String k : List.of("server", "load processes", "this JVM (sender)", "PostgreSQL", "other")) {
			ticks.put(k, 0L);
		}
		long self = ProcessHandle.current().pid();
		try (var procs = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) procs::iterator) {
				String name = p.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String stat = Files.readString(p.resolve("stat"));
					String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
					long pid = Long.parseLong(name);
					String cmdline = Files.readString(p.resolve("cmdline"));
					String k = pid == serverPid ? "server" : pid == self ? "this JVM (sender)"
							: comm.startsWith("postgres") ? "PostgreSQL" : cmdline.contains("LiveHolder") ? "load processes" : "other";
					ticks.merge(k, used, Long::sum);
				}
				catch (java.io.IOException | RuntimeException e) {
					// gone meanwhile
				}
			}
		}
		catch (java.io.IOException e) {
			// no /proc: nothing to say
		}
		return ticks;
	}

	static String cpuShares(Map<String, Long> before, Map<String, Long> after, double seconds) {
		StringBuilder s = new StringBuilder();
		after.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ')
			.append(Math.round(Math.max(0, v - before.getOrDefault(k, 0L)) / seconds)).append('%'));
		return s.toString();
	}

	private static String jarOrClasspath() {
		String jar = System.getProperty("bench.jar");
		return jar == null || jar.isBlank() ? "Parley from the test classpath (this worktree)" : "Parley from " + jar;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException e) {
			return "?";
		}
	}

	private static double secs(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void say(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}
}
