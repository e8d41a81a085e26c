package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.history.Direction;
import dev.parley.history.InteractionHistory;
import dev.parley.history.NewInteraction;
import dev.parley.identity.AccountId;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.sip.RawSip;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.DatabaseAvailable;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyProcess;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Parley answered 2xx for survives {@code kill -9}: Parley runs as a child process (the test's class path,
 * its own directory under {@code target/crash}), a customer makes one write of each kind over HTTP and SIP, the
 * process gets SIGKILL right after the last answer, starts again on the same data, and every acknowledged write is
 * there. On the embedded default (H2 in {@code ./data} of the process's directory, the URL from application.yml
 * untouched) in the H2 run, on PostgreSQL in the pgtest run (a database of its own, dropped afterwards). Each
 * write's outcome is printed as a line {@code CRASH <database> <write> survived|LOST}.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class CrashRecoveryTests {

	private static final String PASSWORD = AccountFixtures.PASSWORD;

	private final boolean postgres = System.getProperty("spring.profiles.active", "").contains("pgtest");

	private final Path dir = Path.of("target", "crash", (postgres ? "postgres-" : "h2-") + UUID.randomUUID())
		.toAbsolutePath();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private String database;

	private boolean passed;

	@AfterEach
	void cleanUp() throws Exception {
		for (int i = resources.size() - 1; i >= 0; i--) {
			resources.get(i).close();
		}
		if (database != null) {
			admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		if (passed) { // a failure leaves the data and the logs (parley-1.log, parley-2.log) to look at
			org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		}
	}

	@Test
	void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
		Files.createDirectories(dir);
		Seeded seeded = seed();
		ParleyProcess parley = new ParleyProcess(dir, childEnvironment());
		resources.add(parley);
		parley.start();
		ApiClient api = new ApiClient(parley.httpPort());
		RawSip sip = new RawSip(parley.sipPort());
		resources.add(sip);
		String me = seeded.token();

		// Read what the writes need before the burst, so the writes follow one another as fast as they are answered.
		ObjectNode demographics = (ObjectNode) ok(api.get("/api/v1/me/profile", me), 200).json().get("demographics")
			.deepCopy();
		String name = "Cora " + UUID.randomUUID().toString().substring(0, 6);
		demographics.put("name", name);
		String note = "back at " + UUID.randomUUID().toString().substring(0, 6);
		String message = "Is anyone there? " + UUID.randomUUID();

		Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
		ok(api.put("/api/v1/me/history/" + seeded.record() + "/rating", me,
				ApiClient.json(Map.of("rating", 4, "comment", "Quick and kind", "version", 0))), 200);
		ok(api.put("/api/v1/me/presence", me, ApiClient.json(Map.of("status", "open", "note", note))), 200);
		ok(api.put("/api/v1/me/demographics", me, demographics.toString()), 200);
		String newToken = ok(api.post("/api/v1/tokens", me, ApiClient.json(Map.of("name", "phone"))), 201).json()
			.get("secret").asString();
		ok(api.post("/api/v1/me/interactions/" + seeded.chat() + "/messages", me, ApiClient.json(Map.of("body", message))),
				201);
		String queued = ok(api.post("/api/v1/me/interactions", me,
				ApiClient.json(Map.of("medium", "chat", "queue", seeded.queue()))), 201).json().get("id").asString();
		String subscribed = sip.withDigest("SUBSCRIBE", seeded.username(), "Event: presence\nExpires: 600\n"
				+ "Accept: application/pidf+xml\n", null, seeded.username(), PASSWORD);
		assertThat(subscribed).as(subscribed).startsWith("SIP/2.0 200");
		String refreshed = inDialog(sip, seeded.username(), subscribed, 3, 3600);
		parley.kill();
		assertThat(refreshed).as(refreshed).startsWith("SIP/2.0 200").contains("Expires: 3600");

		parley.start();
		checks.put("rating", () -> api.get("/api/v1/me/history/" + seeded.record(), me).json().path("rating").asInt() == 4);
		checks.put("presence note", () -> note.equals(api.get("/api/v1/me/presence", me).json().path("note").asString()));
		checks.put("demographics", () -> name.equals(api.get("/api/v1/me/profile", me).json().path("demographics")
			.path("name").asString()));
		checks.put("API token", () -> api.get("/api/v1/me/profile", newToken).status() == 200);
		checks.put("chat message", () -> api.get("/api/v1/me/interactions/" + seeded.chat() + "/messages", me).json()
			.valueStream().anyMatch(m -> message.equals(m.path("body").asString())));
		checks.put("queued interaction", () -> "queued".equals(api.get("/api/v1/me/interactions/" + queued, me).json()
			.path("state").asString()));
		String recovered = recoveryNotify(sip, header(subscribed, "Call-ID"));
		checks.put("SIP subscription", () -> recovered != null
				&& inDialog(sip, seeded.username(), subscribed, 4, 600).startsWith("SIP/2.0 200"));
		checks.put("SIP refresh", () -> recovered != null && expiresOf(recovered) > 600);

		Map<String, Boolean> survived = new LinkedHashMap<>();
		checks.forEach((kind, check) -> survived.put(kind, check.getAsBoolean()));
		survived.forEach((kind, kept) -> System.out.printf("CRASH %-10s %-18s %s%n", postgres ? "postgres" : "h2", kind,
				kept ? "survived" : "LOST"));
		assertThat(survived).as("acknowledged writes after kill -9 and a restart").doesNotContainValue(false);
		passed = true;
	}

	/**
	 * The NOTIFY a restarted Parley sends over the stored dialog (answered 200), or null within 10 s. It is told from
	 * one the first process sent just before the kill (and still waiting in the socket) by its CSeq: a restart starts
	 * at the reserved block, 1001 and up.
	 */
	private static String recoveryNotify(RawSip sip, String callId) {
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < end) {
			String m = sip.receive();
			if (m != null && m.startsWith("NOTIFY")) {
				sip.send(sip.answer(m, 200));
				String cseq = header(m, "CSeq");
				if (callId.equals(header(m, "Call-ID")) && Long.parseLong(cseq.substring(0, cseq.indexOf(' '))) > 1000) {
					return m;
				}
			}
		}
		return null;
	}

	/** A SUBSCRIBE in the dialog the 200 {@code ok} opened; its answer (NOTIFYs meanwhile answered 200). */
	private static String inDialog(RawSip sip, String user, String ok, int cseq, int expires) {
		sip.send(sip.request("SUBSCRIBE", user, cseq, header(ok, "Call-ID"), "Event: presence\nExpires: " + expires + "\n",
				null).replaceFirst("(?m)^To: .*$", "To: " + header(ok, "To")));
		for (String m = sip.receive(); m != null; m = sip.receive()) {
			if (m.startsWith("SIP/2.0") && m.contains("CSeq: " + cseq + " SUBSCRIBE")) {
				return m;
			}
			if (m.startsWith("NOTIFY")) {
				sip.send(sip.answer(m, 200));
			}
		}
		return "no answer";
	}

	/** The expires parameter of a NOTIFY's Subscription-State. */
	private static long expiresOf(String notify) {
		var m = java.util.regex.Pattern.compile("expires=(\\d+)").matcher(header(notify, "Subscription-State"));
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	private static String header(String message, String name) {
		return message.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1)).findFirst()
			.map(l -> l.substring(name.length() + 1).trim()).orElse("");
	}

	private static ApiClient.Response ok(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

	record Seeded(String username, String token, UUID record, String queue, UUID chat) {
	}

	/**
	 * Before the child starts, on the same data: a customer with a token and a past interaction to rate, a queue with
	 * an agent, and a chat that agent accepted and keeps open (the agent then takes a break, so new contacts wait).
	 */
	private Seeded seed() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--parley.sip.enabled=false", "--parley.demo.enabled=false"));
		if (postgres) {
			database = "parley_crash_" + UUID.randomUUID().toString().substring(0, 8);
			admin("CREATE DATABASE " + database);
			args.addAll(List.of("--spring.datasource.url=" + databaseUrl(), "--spring.datasource.username=" + user(),
					"--spring.datasource.password=" + password()));
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/parley") + ";DB_CLOSE_ON_EXIT=FALSE");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class)
			.profiles("test").run(args.toArray(String[]::new))) {
			String username = AccountFixtures.uniqueName("cust");
			var customer = context.getBean(CustomerManagement.class)
				.register(new Registration(username, "Cora Customer", username + "@example.com", PASSWORD, "UTC"));
			CustomerId id = customer.id();
			String token = context.getBean(TokenManagement.class).issue(new AccountId(id.value()), "test", null).secret();
			AgentManagement agents = context.getBean(AgentManagement.class);
			String group = RoutingFixtures.openGroup(agents);
			Queue queue = RoutingFixtures.queue(context.getBean(QueueManagement.class), group, Set.of(Medium.CHAT),
					RoutingStrategy.LONGEST_IDLE, 300);
			Agent agent = RoutingFixtures.agent(agents, group);
			Instant start = Instant.now().minusSeconds(3600);
			UUID record = context.getBean(InteractionHistory.class)
				.record(new NewInteraction(id, null, new AgentId(agent.id().value()), Medium.CHAT, Direction.INBOUND,
						start, start.plusSeconds(600), Outcome.RESOLVED, "Router blinks", "Customer: hi\nAgent: hello"))
				.id().value();
			var chat = context.getBean(Interactions.class).start(id, new NewContact(Medium.CHAT, null, queue.key(), null))
				.interaction();
			AgentStates states = context.getBean(AgentStates.class);
			AgentDesk desk = context.getBean(AgentDesk.class);
			states.change(agent.id(), "ready", null);
			var offer = Eventually.value(Duration.ofSeconds(20),
					() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
			desk.accept(agent.id(), offer.offer().id());
			states.change(agent.id(), "not-ready", "break");
			return new Seeded(username, token, record, queue.key(), chat.id().value());
		}
	}

	/** The child's settings: the defaults, except PostgreSQL in the pgtest run. */
	private Map<String, String> childEnvironment() {
		if (!postgres) {
			return Map.of();
		}
		return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "PARLEY_DB_URL", databaseUrl(), "PARLEY_DB_USER", user(),
				"PARLEY_DB_PASSWORD", password());
	}

	private String databaseUrl() {
		String base = env("PARLEY_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		int slash = base.lastIndexOf('/');
		int query = base.indexOf('?', slash);
		return base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
	}

	private void admin(String sql) {
		String base = env("PARLEY_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		try (var c = DriverManager.getConnection(base, user(), password()); var s = c.createStatement()) {
			s.execute(sql);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	private static String user() {
		return env("PARLEY_TEST_DB_USER", "postgres");
	}

	private static String password() {
		return env("PARLEY_TEST_DB_PASSWORD", "");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
