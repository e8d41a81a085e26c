package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.AccountFixtures.SignedIn;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import dev.parley.testing.Eventually;
import tools.jackson.databind.JsonNode;

/**
 * The broker over its API: a customer starts a chat, waits with a position, is offered to a ready agent who
 * accepts, they chat both ways, the agent wraps up, and the conversation is in the customer's history. And
 * every refusal of the issue: not yours, twice, over, oversize, flood, unknown queue, medium not served, closed.
 */
@ParleyIntegrationTest
class BrokerApiTests {

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

	@Autowired
	InteractionHistory history;

	ApiClient api;
	SignedIn customer;
	String group;
	Queue queue;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		group = RoutingFixtures.openGroup(agents);
		queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT, Medium.EMAIL), RoutingStrategy.LONGEST_IDLE, 20);
	}

	@Test
	void aChatFromStartToTheHistoryRecord() throws Exception {
		String agentToken = readyAgent();
		var started = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", queue.key(), "topic", "My router blinks")));
		assertThat(started.status()).isEqualTo(201);
		String id = started.json().get("id").asString();
		assertThat(started.json().get("queue").asString()).isEqualTo(queue.key());
		assertThat(started.json().get("position").asInt()).isGreaterThanOrEqualTo(0);

		JsonNode offer = Eventually.value(() -> first(api.get("/api/v1/agent/offers", agentToken).json()));
		assertThat(offer.get("interaction").get("id").asString()).isEqualTo(id);
		assertThat(offer.get("interaction").get("topic").asString()).isEqualTo("My router blinks");

		var accepted = api.post("/api/v1/agent/offers/" + offer.get("id").asString() + "/accept", agentToken, "");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("state").asString()).isEqualTo("connected");
		assertThat(api.get("/api/v1/me/interactions/" + id, customer.token()).json().get("agent").get("name")
			.asString()).startsWith("Agent ");

		var hello = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "<b>Hello</b>", "clientId", "c-1")));
		assertThat(hello.status()).isEqualTo(201);
		assertThat(hello.json().get("seq").asLong()).isEqualTo(1);
		var again = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "<b>Hello</b>", "clientId", "c-1")));
		assertThat(again.json().get("seq").asLong()).as("a resend is stored once").isEqualTo(1);
		assertThat(api.post("/api/v1/agent/interactions/" + id + "/messages", agentToken,
				ApiClient.json(Map.of("body", "Hi, how can I help?"))).json().get("seq").asLong()).isEqualTo(2);
		var missed = api.get("/api/v1/me/interactions/" + id + "/messages?after=1", customer.token()).json();
		assertThat(missed).hasSize(1);
		assertThat(missed.get(0).get("sender").asString()).isEqualTo("agent");
		assertThat(missed.get(0).get("body").asString()).isEqualTo("Hi, how can I help?");

		// both sides write at once: every message gets its own number, none skipped
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			var sent = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 8; i++) {
				int n = i;
				sent.add(pool.submit(() -> api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
						ApiClient.json(Map.of("body", "c" + n, "clientId", "race-c" + n))).status()));
				sent.add(pool.submit(() -> api.post("/api/v1/agent/interactions/" + id + "/messages", agentToken,
						ApiClient.json(Map.of("body", "a" + n))).status()));
			}
			for (var f : sent) {
				assertThat(f.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		var all = api.get("/api/v1/me/interactions/" + id + "/messages", customer.token()).json();
		var numbers = new java.util.ArrayList<Long>();
		all.forEach(m -> numbers.add(m.get("seq").asLong()));
		assertThat(numbers)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 18).boxed().toList());

		var wrapped = api.post("/api/v1/agent/interactions/" + id + "/wrap-up", agentToken,
				ApiClient.json(Map.of("disposition", "resolved", "summary", "Restarted the router")));
		assertThat(wrapped.status()).isEqualTo(200);
		assertThat(wrapped.json().get("state").asString()).isEqualTo("closed");

		var record = Eventually.value(() -> history.history(new CustomerId(customer.id()), HistoryFilter.none(), 0, 10)
			.items().stream().filter(n -> n.record().id().value().toString().equals(id)).findFirst().orElse(null));
		assertThat(record.record().summary()).isEqualTo("Restarted the router");
		assertThat(record.record().transcript()).contains("<b>Hello</b>", "Hi, how can I help?");
		assertThat(record.record().medium()).isEqualTo(Medium.CHAT);

		var transcript = api.get("/api/v1/me/interactions/" + id + "/transcript", customer.token());
		assertThat(transcript.body()).contains("Hi, how can I help?");
	}

	@Test
	void refusalsChangeNothing() {
		String agentToken = readyAgent();
		String otherAgent = AccountFixtures.withToken(identity, tokens, Role.AGENT).token();
		String id = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", queue.key()))).json().get("id").asString();
		JsonNode offer = Eventually.value(() -> first(api.get("/api/v1/agent/offers", agentToken).json()));
		String offerId = offer.get("id").asString();

		var notYours = api.post("/api/v1/agent/offers/" + offerId + "/accept", otherAgent, "");
		assertThat(notYours.status()).isEqualTo(403);
		assertThat(notYours.contentType()).contains("application/problem+json");
		assertThat(api.post("/api/v1/agent/offers/" + offerId + "/accept", agentToken, "").status()).isEqualTo(200);
		var twice = api.post("/api/v1/agent/offers/" + offerId + "/accept", agentToken, "");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("offer-closed");

		var otherCustomer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		assertThat(api.post("/api/v1/me/interactions/" + id + "/messages", otherCustomer.token(),
				ApiClient.json(Map.of("body", "hi"))).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/agent/interactions/" + id + "/messages", otherAgent,
				ApiClient.json(Map.of("body", "hi"))).status()).isEqualTo(403);
		var big = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "x".repeat(4001))));
		assertThat(big.status()).isEqualTo(413);
		var blank = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "  ")));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("body");

		long kept = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "before the flood", "clientId", "c-kept"))).json().get("seq").asLong();
		int status = 0;
		for (int i = 0; i < 30 && status != 429; i++) {
			status = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
					ApiClient.json(Map.of("body", "flood " + i))).status();
		}
		assertThat(status).as("a flood is slowed down").isEqualTo(429);
		long stored = api.get("/api/v1/me/interactions/" + id + "/messages", customer.token()).json().size();
		var resent = api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "before the flood", "clientId", "c-kept")));
		assertThat(resent.status()).as("a resend after a cut gets its stored message, also while slowed down")
			.isEqualTo(201);
		assertThat(resent.json().get("seq").asLong()).isEqualTo(kept);
		assertThat(api.get("/api/v1/me/interactions/" + id + "/messages", customer.token()).json().size())
			.isEqualTo(stored);

		assertThat(api.post("/api/v1/agent/interactions/" + id + "/wrap-up", agentToken,
				ApiClient.json(Map.of("disposition", "resolved", "summary", "done"))).status()).isEqualTo(200);
		var afterClose = api.post("/api/v1/agent/interactions/" + id + "/messages", agentToken,
				ApiClient.json(Map.of("body", "still there?")));
		assertThat(afterClose.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/me/interactions/" + id + "/messages", customer.token()).json().size())
			.isEqualTo(stored);
	}

	@Test
	void aContactTheCenterCannotTakeIsRefusedWithTheReason() {
		var unknown = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", "no-such-queue")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("queue");
		var noMedium = api.post("/api/v1/me/interactions", customer.token(), ApiClient.json(Map.of("queue", queue.key())));
		assertThat(noMedium.status()).isEqualTo(400);
		var video = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "video", "queue", queue.key())));
		assertThat(video.status()).isEqualTo(422);
		assertThat(video.json().get("code").asString()).isEqualTo("medium-not-served");
		var closedQueue = RoutingFixtures.queue(queues, RoutingFixtures.closedGroup(agents), Set.of(Medium.CHAT),
				RoutingStrategy.LONGEST_IDLE, 20);
		var closed = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", closedQueue.key())));
		assertThat(closed.status()).isEqualTo(422);
		assertThat(closed.json().get("code").asString()).isEqualTo("queue-closed");
		assertThat(api.get("/api/v1/me/interactions", customer.token()).json()).isEmpty();
	}

	@Test
	void aCustomerWhoLeavesWhileQueuedAbandonsAndTheOfferIsWithdrawn() {
		var started = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", queue.key())));
		String id = started.json().get("id").asString();
		assertThat(started.json().get("state").asString()).isEqualTo("queued");
		assertThat(started.json().get("position").asInt()).isEqualTo(1);
		var left = api.post("/api/v1/me/interactions/" + id + "/leave", customer.token(), "");
		assertThat(left.json().get("state").asString()).isEqualTo("abandoned");
		assertThat(api.post("/api/v1/me/interactions/" + id + "/messages", customer.token(),
				ApiClient.json(Map.of("body", "hello?"))).status()).isEqualTo(409);
	}

	@Test
	void administratorsKeepQueuesThatEveryClientCanList() {
		String admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN).token();
		String key = "q" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var created = api.post("/api/v1/admin/queues", admin, ApiClient.json(Map.of("key", key, "name", "Returns",
				"groupKey", group, "media", List.of("chat"), "strategy", "round-robin")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/admin/queues/" + key);
		assertThat(created.json().get("strategy").asString()).isEqualTo("round-robin");
		long version = created.json().get("version").asLong();

		var invalid = api.post("/api/v1/admin/queues", admin, ApiClient.json(Map.of("key", key, "name", " ",
				"groupKey", "no-such-group", "media", List.of("chat"))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(fields(invalid.json())).contains("key", "name", "groupKey");
		var unknownMedium = api.post("/api/v1/admin/queues", admin, ApiClient.json(Map.of("key", key + "x", "name",
				"Fax", "groupKey", group, "media", List.of("fax"))));
		assertThat(fields(unknownMedium.json())).containsExactly("media[0]");

		var stale = api.put("/api/v1/admin/queues/" + key, admin, ApiClient.json(Map.of("name", "Returns desk",
				"groupKey", group, "media", List.of("chat"), "version", version + 5)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asString()).isEqualTo("stale");
		var updated = api.put("/api/v1/admin/queues/" + key, admin, ApiClient.json(Map.of("name", "Returns desk",
				"groupKey", group, "media", List.of("chat"), "version", version)));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("Returns desk");

		JsonNode listed = null;
		for (JsonNode q : api.get("/api/v1/queues", customer.token()).json()) {
			listed = q.get("key").asString().equals(key) ? q : listed;
		}
		assertThat(listed).as("every signed-in client sees the queue").isNotNull();
		assertThat(listed.get("name").asString()).isEqualTo("Returns desk");
		assertThat(listed.get("openNow").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/admin/queues", customer.token()).status()).isEqualTo(403);

		var noVersion = api.delete("/api/v1/admin/queues/" + key, admin);
		assertThat(noVersion.status()).as("a deletion names the version it deletes").isEqualTo(400);
		assertThat(fields(noVersion.json())).containsExactly("version");
		long current = updated.json().get("version").asLong();
		assertThat(api.delete("/api/v1/admin/queues/" + key + "?version=" + (current - 1), admin).status())
			.isEqualTo(409);
		assertThat(api.delete("/api/v1/admin/queues/" + key + "?version=" + current, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/admin/queues/" + key, admin).status()).isEqualTo(404);
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new java.util.ArrayList<>();
		problem.path("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	private String readyAgent() {
		return RoutingFixtures.readyToken(api, tokens, RoutingFixtures.agent(agents, group));
	}

	private static JsonNode first(JsonNode array) {
		return array != null && array.isArray() && !array.isEmpty() ? array.get(0) : null;
	}
}
