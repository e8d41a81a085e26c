package dev.parley.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.AccountId;
import dev.parley.identity.TokenManagement;
import dev.parley.presence.PortalPresence;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import dev.parley.testing.Eventually;
import tools.jackson.databind.JsonNode;

/**
 * A customer's request for a named agent over the API, after it was sent: withdrawn once (a second withdrawal, a
 * late one, the agent's answer after it, and another customer's change nothing); traded for a queued contact in one
 * transaction; the estimate of when a busy agent or one in wrap-up is free (none when not ready); who else can help
 * when the agent is signed out.
 */
@ParleyIntegrationTest
class RequestApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	AgentDesk desk;

	@Autowired
	Interactions interactions;

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
	Queue queue;
	CustomerId customer;
	String customerToken;
	Agent agent;
	String agentToken;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		group = RoutingFixtures.openGroup(agents);
		queue = RoutingFixtures.queue(queues, group, EnumSet.allOf(Medium.class), RoutingStrategy.LONGEST_IDLE, 20);
		customer = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Customer").id();
		customerToken = token(customer.value());
		agent = RoutingFixtures.agent(agents, group);
		agentToken = ready(agent);
	}

	@Test
	void aCustomerWithdrawsTheirPendingRequestOnceAndTheAgentCanNoLongerAcceptIt() {
		String id = id(ask(agent, "chat"));
		var other = InvitationFixtures.consenting(customers, "UTC", "Olga Other").id();
		assertThat(api.post("/api/v1/me/invitations/" + id + "/withdraw", token(other.value()), "").status())
			.as("another customer's request is unknown to them").isEqualTo(404);

		var withdrawn = api.post("/api/v1/me/invitations/" + id + "/withdraw", customerToken, "");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("state").asString()).isEqualTo("withdrawn");
		assertThat(withdrawn.json().get("answeredBy").asString()).isEqualTo(customer.value().toString());
		assertThat(withdrawn.json().get("alternatives")).isEmpty();

		assertRefused(api.post("/api/v1/me/invitations/" + id + "/withdraw", customerToken, ""), 409, "answered");
		assertRefused(api.post("/api/v1/agent/invitations/" + id + "/accept", agentToken, ""), 409, "answered");
		assertRefused(api.post("/api/v1/me/invitations/" + id + "/to-queue", customerToken, ""), 409, "answered");
		assertThat(openInteractionsOf(customer)).isZero();
		assertThat(api.post("/api/v1/me/invitations/" + id + "/withdraw", token(other.value()), "").status()).isEqualTo(404);
		assertThat(api.post("/api/v1/me/invitations/nope/withdraw", customerToken, "").status()).isEqualTo(404);

		assertThat(ask(agent, "chat").status()).as("withdrawn, the pair is free for a new request").isEqualTo(201);
		JsonNode mine = api.get("/api/v1/me/invitations", customerToken).json();
		assertThat(mine.get(1).get("state").asString()).isEqualTo("withdrawn");
	}

	@Test
	void anExpiredRequestIsNeitherWithdrawnNorTradedForTheQueue() {
		String id = id(ask(agent, "chat"));
		jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), UUID.fromString(id)).update();
		assertRefused(api.post("/api/v1/me/invitations/" + id + "/withdraw", customerToken, ""), 409, "expired");
		assertRefused(api.post("/api/v1/me/invitations/" + id + "/to-queue", customerToken, ""), 409, "expired");
		assertThat(openInteractionsOf(customer)).isZero();
	}

	@Test
	void anAgentsInvitationIsDeclinedNotWithdrawn() {
		portal.opened(customer.value(), "tab-" + customer);
		var invited = api.post("/api/v1/agent/invitations", agentToken,
				ApiClient.json(Map.of("customer", customer.value().toString(), "medium", "chat")));
		assertThat(invited.status()).isEqualTo(201);
		assertRefused(api.post("/api/v1/me/invitations/" + id(invited) + "/withdraw", customerToken, ""), 403, "not-yours");
		assertRefused(api.post("/api/v1/me/invitations/" + id(invited) + "/to-queue", customerToken, ""), 403, "not-yours");
		portal.closed(customer.value(), "tab-" + customer);
	}

	@Test
	void aCustomerWhoStopsWaitingForABusyAgentGoesToTheQueueOfTheirGroupInOneStep() {
		busyOnACall(agent);
		var asked = ask(agent, "chat");
		assertThat(asked.json().get("agentState").asString()).isEqualTo("busy");
		String id = id(asked);

		var other = InvitationFixtures.consenting(customers, "UTC", "Olga Other").id();
		assertThat(api.post("/api/v1/me/invitations/" + id + "/to-queue", token(other.value()), "").status()).isEqualTo(404);

		var queued = api.post("/api/v1/me/invitations/" + id + "/to-queue", customerToken, "");
		assertThat(queued.status()).as(queued.body()).isEqualTo(201);
		assertThat(queued.json().get("state").asString()).isEqualTo("queued");
		assertThat(queued.json().get("queue").asString()).isEqualTo(queue.key());
		assertThat(queued.json().get("medium").asString()).isEqualTo("chat");
		assertThat(queued.json().get("topic").asString()).isEqualTo("The router you set up");
		String contact = queued.json().get("id").asString();
		assertThat(queued.raw().headers().firstValue("Location")).hasValue("/api/v1/me/interactions/" + contact);

		JsonNode request = find(api.get("/api/v1/me/invitations", customerToken).json(), id);
		assertThat(request.get("state").asString()).isEqualTo("withdrawn");
		assertThat(request.get("interaction").asString()).isEqualTo(contact);
		assertRefused(api.post("/api/v1/me/invitations/" + id + "/to-queue", customerToken, ""), 409, "answered");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM interactions WHERE customer_id = ? AND state IN ('QUEUED', 'OFFERED', 'CONNECTED')")
			.param(customer.value()).query(Integer.class).single()).as("one contact, not two").isEqualTo(1);
	}

	@Test
	void aBusyAgentsEstimateIsTheirTypicalHandleTimeLessTheCallSoFarAndInWrapUpTheLimitLeft() {
		for (long seconds : new long[] { 300, 500, 400 }) {
			closedContact(agent, Medium.VOICE, seconds);
		}
		Interaction call = busyOnACall(agent);
		JsonNode asked = ask(agent, "chat").json();
		assertThat(asked.get("agentState").asString()).isEqualTo("busy");
		assertThat(asked.get("estimate").asLong()).as("the median of 300, 400 and 500 s, less the call so far")
			.isBetween(360L, 400L);
		JsonNode listed = find(api.get("/api/v1/me/invitations", customerToken).json(), asked.get("id").asString());
		assertThat(listed.get("estimate").asLong()).isBetween(340L, 400L);

		desk.end(agent.id(), call.id());
		Eventually.value(() -> states.status(agent.id()).state() == AgentState.WRAP_UP ? true : null);
		long inWrapUp = find(api.get("/api/v1/me/invitations", customerToken).json(), asked.get("id").asString())
			.get("estimate").asLong();
		assertThat(inWrapUp).as("the queue's wrap-up limit is 60 s").isBetween(30L, 60L);
	}

	@Test
	void aBusyAgentWithFewContactsOfTheirOwnIsEstimatedFromTheQueue() {
		Agent colleague = RoutingFixtures.agent(agents, group);
		for (long seconds : new long[] { 100, 200, 900, 300 }) {
			closedContact(colleague, Medium.VOICE, seconds);
		}
		closedContact(agent, Medium.VOICE, 1000);
		busyOnACall(agent);
		assertThat(ask(agent, "chat").json().get("estimate").asLong())
			.as("one of their own is too few: the queue's median of 100, 200, 300, 900 and 1000 s").isBetween(260L, 300L);
	}

	@Test
	void aNotReadyAgentHasNoEstimate() {
		assertThat(api.put("/api/v1/agent/state", agentToken,
				ApiClient.json(Map.of("state", "not-ready", "reason", "break"))).status()).isEqualTo(200);
		JsonNode asked = ask(agent, "chat").json();
		assertThat(asked.get("agentState").asString()).isEqualTo("not-ready");
		assertThat(asked.path("estimate").isMissingNode()).as("no estimate: the field is left out, as every null is").isTrue();
	}

	@Test
	void whenTheAgentIsSignedOutTheOthersOfTheirGroupWhoAreReadyForTheMediumCanHelp() {
		assertThat(api.put("/api/v1/agent/state", agentToken, ApiClient.json(Map.of("state", "logged-out"))).status())
			.isEqualTo(200);
		Agent readyOne = RoutingFixtures.agent(agents, group);
		ready(readyOne);
		Agent notReady = RoutingFixtures.agent(agents, group);
		assertThat(api.put("/api/v1/agent/state", token(notReady.id().value()),
				ApiClient.json(Map.of("state", "not-ready", "reason", "meal"))).status()).isEqualTo(200);
		RoutingFixtures.agent(agents, group); // signed out
		ready(RoutingFixtures.agent(agents, RoutingFixtures.openGroup(agents))); // ready, but of another group

		JsonNode asked = ask(agent, "chat").json();
		assertThat(asked.get("agentState").asString()).isEqualTo("logged-out");
		assertThat(asked.path("estimate").isMissingNode()).as("no estimate: the field is left out, as every null is").isTrue();
		assertThat(asked.get("alternatives")).hasSize(1);
		assertThat(asked.get("alternatives").get(0).get("id").asString()).isEqualTo(readyOne.id().value().toString());
		assertThat(asked.get("alternatives").get(0).get("name").asString()).isEqualTo(readyOne.displayName());
		assertThat(asked.get("alternatives").get(0).get("group").asString()).isEqualTo("Group " + group);
	}

	private ApiClient.Response ask(Agent who, String medium) {
		var r = api.post("/api/v1/me/invitations", customerToken, ApiClient.json(Map.of("agent",
				who.id().value().toString(), "medium", medium, "topic", "The router you set up")));
		assertThat(r.status()).as(r.body()).isIn(201, 409);
		return r;
	}

	/** The agent takes a call (theirs alone), so routing sets them busy. */
	private Interaction busyOnACall(Agent who) {
		var caller = InvitationFixtures.consenting(customers, "UTC", "Carl Caller").id();
		Interaction call = interactions.startConnected(caller, who.id(), Medium.VOICE, null, "a call");
		Eventually.value(() -> states.status(who.id()).state() == AgentState.BUSY ? true : null);
		return call;
	}

	/** A contact the agent handled for {@code seconds} (connected to closed), long over. */
	private void closedContact(Agent who, Medium medium, long seconds) {
		Instant closed = Instant.now().minusSeconds(3600);
		Instant connected = closed.minusSeconds(seconds);
		jdbc.sql("""
				INSERT INTO interactions (id, customer_id, medium, queue_key, priority, state, agent_id, created_at,
				enqueued_at, enqueue_seq, connected_at, ended_at, closed_at, version)
				VALUES (?, ?, ?, ?, 0, 'CLOSED', ?, ?, ?, 0, ?, ?, ?, 3)""")
			.params(UUID.randomUUID(), UUID.randomUUID(), medium.name(), queue.key(), who.id().value(),
					Timestamp.from(connected), Timestamp.from(connected), Timestamp.from(connected),
					Timestamp.from(closed), Timestamp.from(closed))
			.update();
	}

	private static void assertRefused(ApiClient.Response r, int status, String code) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).contains("application/problem+json");
		assertThat(r.json().get("code").asString()).isEqualTo(code);
	}

	private int openInteractionsOf(CustomerId who) {
		return jdbc.sql("SELECT COUNT(*) FROM interactions WHERE customer_id = ?").param(who.value())
			.query(Integer.class).single();
	}

	private String ready(Agent a) {
		String token = token(a.id().value());
		assertThat(api.put("/api/v1/agent/state", token, ApiClient.json(Map.of("state", "ready"))).status())
			.isEqualTo(200);
		return token;
	}

	private String token(UUID account) {
		return tokens.issue(new AccountId(account), "test", null).secret();
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
		throw new AssertionError("no " + id + " in " + list);
	}
}
