package dev.parley.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.TokenManagement;
import dev.parley.presence.PortalPresence;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import dev.parley.testing.Eventually;
import tools.jackson.databind.JsonNode;

/**
 * Invitations over the API: an agent invites an online customer who accepts and is connected to that agent at once;
 * a customer asks for a named agent who accepts; every refusal names its rule and stores nothing; answering twice,
 * late, or someone else's changes nothing; two invitations racing for the same pair leave exactly one.
 */
@ParleyIntegrationTest
class InvitationApiTests {

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
	CustomerManagement customers;

	@Autowired
	PortalPresence portal;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;
	String group;
	CustomerId customer;
	String customerToken;
	Agent agent;
	String agentToken;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		group = RoutingFixtures.openGroup(agents);
		RoutingFixtures.queue(queues, group, java.util.EnumSet.allOf(Medium.class), RoutingStrategy.LONGEST_IDLE, 20);
		customer = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Customer").id();
		customerToken = token(customer.value());
		online(customer);
		agent = RoutingFixtures.agent(agents, group);
		agentToken = readyAgent(agent);
	}

	@AfterEach
	void offline() {
		portal.closed(customer.value(), "tab-" + customer);
	}

	@Test
	void anAgentInvitesAnOnlineCustomerWhoAcceptsAndIsConnectedToThatAgentWithoutAQueue() {
		var sent = api.post("/api/v1/agent/invitations", agentToken, ApiClient.json(Map.of("customer",
				customer.value().toString(), "medium", "chat", "topic", "Your delivery", "order", "PO-100042")));
		assertThat(sent.status()).isEqualTo(201);
		assertThat(sent.raw().headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(id(sent)));
		assertThat(sent.json().get("state").asString()).isEqualTo("pending");
		assertThat(sent.json().get("text").asString()).isEqualTo(agent.displayName() + " from Group " + group
				+ " invites you to chat about order PO-100042");

		JsonNode mine = api.get("/api/v1/me/invitations", customerToken).json();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("id").asString()).isEqualTo(id(sent));

		var accepted = api.post("/api/v1/me/invitations/" + id(sent) + "/accept", customerToken, "");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("state").asString()).isEqualTo("accepted");
		assertThat(accepted.json().get("answeredBy").asString()).isEqualTo(customer.value().toString());
		String interaction = accepted.json().get("interaction").asString();

		var contact = api.get("/api/v1/me/interactions/" + interaction, customerToken).json();
		assertThat(contact.get("state").asString()).isEqualTo("connected");
		assertThat(contact.get("agent").get("id").asString()).isEqualTo(agent.id().value().toString());
		assertThat(contact.get("topic").asString()).isEqualTo("Your delivery");
		var agentSide = api.get("/api/v1/agent/interactions", agentToken).json();
		assertThat(agentSide).extracting(n -> n.get("id").asString()).contains(interaction);
		assertThat(api.post("/api/v1/agent/interactions/" + interaction + "/messages", agentToken,
				ApiClient.json(Map.of("body", "Hello Cora"))).status()).isEqualTo(201);

		var agentList = api.get("/api/v1/agent/invitations", agentToken).json();
		assertThat(agentList.get(0).get("state").asString()).isEqualTo("accepted");
		assertThat(agentList.get(0).get("interaction").asString()).isEqualTo(interaction);
	}

	@Test
	void acceptingTwiceLateOrSomeoneElsesChangesNothing() {
		String id = id(invite(customer, "chat"));
		var other = InvitationFixtures.consenting(customers, "UTC", "Olga Other").id();
		assertThat(api.post("/api/v1/me/invitations/" + id + "/accept", token(other.value()), "").status())
			.as("another customer's invitation is unknown to them").isEqualTo(404);
		var wrongSide = api.post("/api/v1/agent/invitations/" + id + "/accept", agentToken, "");
		assertThat(wrongSide.status()).as("the agent does not answer their own invitation").isEqualTo(403);
		assertThat(wrongSide.json().get("code").asString()).isEqualTo("not-yours");
		var otherAgent = readyAgent(RoutingFixtures.agent(agents, group));
		assertThat(api.post("/api/v1/agent/invitations/" + id + "/decline", otherAgent, "").status()).isEqualTo(403);

		assertThat(api.post("/api/v1/me/invitations/" + id + "/accept", customerToken, "").status()).isEqualTo(200);
		var twice = api.post("/api/v1/me/invitations/" + id + "/accept", customerToken, "");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("answered");
		var declineAfter = api.post("/api/v1/me/invitations/" + id + "/decline", customerToken, "");
		assertThat(declineAfter.status()).isEqualTo(409);
		assertThat(interactionsOf(customer)).as("one accept, one interaction").isEqualTo(1);

		String late = id(invite(customer, "email"));
		jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), java.util.UUID.fromString(late))
			.update();
		var expired = api.post("/api/v1/me/invitations/" + late + "/accept", customerToken, "");
		assertThat(expired.status()).isEqualTo(409);
		assertThat(expired.json().get("code").asString()).isEqualTo("expired");
		assertThat(interactionsOf(customer)).isEqualTo(1);
		JsonNode swept = Eventually.value(() -> {
			JsonNode n = find(api.get("/api/v1/agent/invitations", agentToken).json(), late);
			return n != null && n.get("state").asString().equals("expired") ? n : null;
		});
		assertThat(swept.path("answeredBy").asString("")).as("nobody answered it").isEmpty();
		assertThat(api.post("/api/v1/me/invitations/not-a-uuid/accept", customerToken, "").status()).isEqualTo(404);
	}

	@Test
	void everyRefusalNamesItsRuleAndSendsNothing() {
		var notConsenting = InvitationFixtures.consenting(customers, "UTC", "Nina Noconsent");
		customers.updateInterests(notConsenting.id(), new dev.parley.customer.Interests(List.of(), false, null,
				notConsenting.interests().version()));
		online(notConsenting.id());
		assertRefused(invite(notConsenting.id(), "chat"), 422, "no-consent");

		var away = InvitationFixtures.consenting(customers, "UTC", "Otto Offline").id();
		assertRefused(invite(away, "chat"), 422, "offline");

		assertRefused(invite(customer, "video"), 422, "medium-unavailable");

		var closedGroup = RoutingFixtures.closedGroup(agents);
		String closedAgent = readyAgent(RoutingFixtures.agent(agents, closedGroup));
		assertRefused(api.post("/api/v1/agent/invitations", closedAgent,
				ApiClient.json(Map.of("customer", customer.value().toString(), "medium", "chat"))), 422, "closed");

		var busy = InvitationFixtures.consenting(customers, "America/New_York", "Bea Busy");
		var today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
		customers.updateAgenda(busy.id(), new dev.parley.customer.Agenda(List.of(), List.of(
				new dev.parley.customer.DatedException(today, null, null, dev.parley.customer.ExceptionKind.BUSY, "away"),
				new dev.parley.customer.DatedException(today.plusDays(1), null, null,
						dev.parley.customer.ExceptionKind.BUSY, "away")),
				busy.agenda().version()));
		online(busy.id());
		var refused = invite(busy.id(), "chat");
		assertRefused(refused, 422, "busy-slot");
		assertThat(refused.json().get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(java.time.OffsetDateTime.parse(refused.json().get("nextFreeSlot").asString())
			.atZoneSameInstant(java.time.ZoneId.of("America/New_York")).toLocalDateTime())
			.isEqualTo(today.plusDays(2).atStartOfDay());

		var bad = api.post("/api/v1/agent/invitations", agentToken,
				ApiClient.json(Map.of("customer", agent.id().value().toString(), "medium", "fax", "order", "x")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(invite(customer, "chat").status()).isEqualTo(201);
		assertRefused(invite(customer, "email"), 409, "duplicate");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE agent_id = ?").param(agent.id().value())
			.query(Integer.class).single()).as("only the one allowed invitation was stored").isEqualTo(1);
		assertThat(api.get("/api/v1/me/invitations", token(notConsenting.id().value())).json()).isEmpty();
	}

	@Test
	void anAgentWhoInvitesTooOftenIsHeldBackWithRetryAfter() {
		int limit = 10;
		for (int i = 0; i < limit; i++) {
			var c = InvitationFixtures.consenting(customers, "UTC", "Many " + i).id();
			online(c);
			assertThat(invite(c, "chat").status()).isEqualTo(201);
		}
		var c = InvitationFixtures.consenting(customers, "UTC", "One Too Many").id();
		online(c);
		var held = invite(c, "chat");
		assertRefused(held, 429, "rate-limited");
		assertThat(held.raw().headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void twoInvitationsOfOneAgentToOneCustomerAtOnceLeaveExactlyOne() throws Exception {
		var pool = Executors.newFixedThreadPool(8);
		try {
			var start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Callable<Integer> call = () -> {
					start.await();
					return invite(customer, "chat").status();
				};
				answers.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (var f : answers) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations WHERE customer_id = ? AND state = 'PENDING'")
				.param(customer.value()).query(Integer.class).single()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoAgentsInvitingTheSameCustomerAtOnceEachHoldOneAndTheCustomerAnswersEach() throws Exception {
		String second = readyAgent(RoutingFixtures.agent(agents, group));
		var pool = Executors.newFixedThreadPool(4);
		try {
			var start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (String token : List.of(agentToken, second, agentToken, second)) {
				answers.add(pool.submit(() -> {
					start.await();
					return api.post("/api/v1/agent/invitations", token, ApiClient.json(Map.of("customer",
							customer.value().toString(), "medium", "chat"))).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (var f : answers) {
				statuses.add(f.get());
			}
			assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode mine = api.get("/api/v1/me/invitations", customerToken).json();
		assertThat(mine).hasSize(2);
		assertThat(api.post("/api/v1/me/invitations/" + mine.get(0).get("id").asString() + "/accept", customerToken, "")
			.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/me/invitations/" + mine.get(1).get("id").asString() + "/decline", customerToken, "")
			.json().get("state").asString()).isEqualTo("declined");
	}

	@Test
	void aCustomerAsksForANamedAgentWhoAcceptsAndIsConnected() {
		var asked = api.post("/api/v1/me/invitations", customerToken, ApiClient.json(Map.of("agent",
				agent.id().value().toString(), "medium", "chat", "topic", "The router you set up")));
		assertThat(asked.status()).isEqualTo(201);
		assertThat(asked.json().get("direction").asString()).isEqualTo("to-agent");
		assertThat(asked.json().get("agentState").asString()).isEqualTo("ready");
		assertRefused(api.post("/api/v1/me/invitations", customerToken, ApiClient.json(Map.of("agent",
				agent.id().value().toString(), "medium", "chat"))), 409, "duplicate");
		assertThat(api.post("/api/v1/me/invitations/" + id(asked) + "/accept", customerToken, "").status())
			.as("the customer does not answer their own request").isEqualTo(403);

		var pending = api.get("/api/v1/agent/invitations", agentToken).json();
		assertThat(pending.get(0).get("text").asString()).isEqualTo("Cora Customer asks for you about: The router you set up");
		var accepted = api.post("/api/v1/agent/invitations/" + id(asked) + "/accept", agentToken, "");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("answeredBy").asString()).isEqualTo(agent.id().value().toString());
		var contact = api.get("/api/v1/agent/interactions/" + accepted.json().get("interaction").asString(), agentToken);
		assertThat(contact.json().get("state").asString()).isEqualTo("connected");

		var unknownAgent = api.post("/api/v1/me/invitations", customerToken, ApiClient.json(Map.of("agent",
				customer.value().toString(), "medium", "chat")));
		assertThat(unknownAgent.status()).isEqualTo(400);
		assertThat(unknownAgent.json().get("errors").get(0).get("field").asString()).isEqualTo("agent");
	}

	private ApiClient.Response invite(CustomerId who, String medium) {
		return api.post("/api/v1/agent/invitations", agentToken,
				ApiClient.json(Map.of("customer", who.value().toString(), "medium", medium)));
	}

	private static void assertRefused(ApiClient.Response r, int status, String code) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).contains("application/problem+json");
		assertThat(r.json().get("code").asString()).isEqualTo(code);
		assertThat(r.json().get("detail").asString()).isNotBlank();
	}

	private int interactionsOf(CustomerId who) {
		return jdbc.sql("SELECT COUNT(*) FROM interactions WHERE customer_id = ?").param(who.value())
			.query(Integer.class).single();
	}

	private void online(CustomerId who) {
		portal.opened(who.value(), "tab-" + who);
	}

	private String token(java.util.UUID account) {
		return tokens.issue(new AccountId(account), "test", null).secret();
	}

	private String readyAgent(Agent a) {
		String token = token(a.id().value());
		assertThat(api.put("/api/v1/agent/state", token, ApiClient.json(Map.of("state", "ready"))).status())
			.isEqualTo(200);
		return token;
	}

	private static String id(ApiClient.Response r) {
		return r.json().get("id").asString();
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode n : list) {
			if (n.get("id").asString().equals(id)) {
				return n;
			}
		}
		return null;
	}
}
