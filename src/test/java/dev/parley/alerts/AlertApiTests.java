package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Alerts over the API: a customer's rule on a queue raises an alert in her inbox when an agent of that queue becomes
 * ready; it is dismissed once, by her only; every malformed rule answers 400 naming its field and one naming what
 * does not exist 422, and neither changes the rules held; accounts never see each other's alerts or rules.
 */
@ParleyIntegrationTest
class AlertApiTests {

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

	ApiClient api;
	Queue queue;
	Agent agent;
	String cora;
	String dan;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		String group = RoutingFixtures.openGroup(agents);
		queue = RoutingFixtures.queue(queues, group, EnumSet.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 20);
		agent = RoutingFixtures.agent(agents, group);
		cora = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		dan = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
	}

	@Test
	void anAgentOfTheQueueBecomingReadyRaisesTheCustomersAlertWhichSheDismissesOnce() {
		var put = api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-agent-available", "queue",
				queue.key())));
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().at("/rules/0/kind").asString()).isEqualTo("queue-agent-available");
		assertThat(put.json().at("/rules/0/queue").asString()).isEqualTo(queue.key());
		assertThat(api.get("/api/v1/me/alert-rules", cora).json().get("rules")).hasSize(1);

		String agentToken = tokens.issue(new AccountId(agent.id().value()), "test", null).secret();
		assertThat(api.put("/api/v1/agent/state", agentToken, ApiClient.json(Map.of("state", "ready"))).status())
			.isEqualTo(200);

		JsonNode inbox = Eventually.value(() -> {
			JsonNode body = api.get("/api/v1/me/alerts", cora).json();
			return body.get("unread").asInt() > 0 ? body : null;
		});
		assertThat(inbox.get("unread").asInt()).isEqualTo(1);
		JsonNode alert = inbox.at("/alerts/0");
		assertThat(alert.get("kind").asString()).isEqualTo("queue-agent-available");
		assertThat(alert.get("text").asString()).isEqualTo("An agent for " + queue.name() + " is available now");
		String id = alert.get("id").asString();

		// another customer: nothing in her inbox, and his dismissal of it is 404 and changes nothing
		assertThat(api.get("/api/v1/me/alerts", dan).json().get("alerts")).isEmpty();
		var foreign = api.post("/api/v1/me/alerts/" + id + "/dismiss", dan, "");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/me/alerts", cora).json().get("unread").asInt()).isEqualTo(1);

		var dismissed = api.post("/api/v1/me/alerts/" + id + "/dismiss", cora, "");
		assertThat(dismissed.status()).isEqualTo(200);
		assertThat(dismissed.json().get("dismissedAt").isNull()).isFalse();
		assertThat(api.get("/api/v1/me/alerts", cora).json().get("unread").asInt()).isZero();
		assertThat(api.post("/api/v1/me/alerts/" + id + "/dismiss", cora, "").status()).isEqualTo(404);
		assertThat(api.post("/api/v1/me/alerts/not-an-id/dismiss", cora, "").status()).isEqualTo(404);
	}

	/** Alerts know which agents serve which queues from a cache: a queue made after it was filled is seen at once. */
	@Test
	void aQueueMadeAfterAnAlertWasRaisedRaisesItsOwnAlertsAtOnce() {
		String danToken = dan;
		String agentToken = tokens.issue(new AccountId(agent.id().value()), "test", null).secret();
		assertThat(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-agent-available", "queue",
				queue.key()))).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/agent/state", agentToken, ApiClient.json(Map.of("state", "ready"))).status())
			.isEqualTo(200);
		Eventually.value(() -> api.get("/api/v1/me/alerts", cora).json().get("unread").asInt() > 0 ? true : null);

		String group = RoutingFixtures.openGroup(agents);
		Queue later = RoutingFixtures.queue(queues, group, EnumSet.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 20);
		Agent second = RoutingFixtures.agent(agents, group);
		assertThat(api.put("/api/v1/me/alert-rules", danToken, rules(Map.of("kind", "queue-agent-available", "queue",
				later.key()))).status()).isEqualTo(200);
		String secondToken = tokens.issue(new AccountId(second.id().value()), "test", null).secret();
		assertThat(api.put("/api/v1/agent/state", secondToken, ApiClient.json(Map.of("state", "ready"))).status())
			.isEqualTo(200);
		JsonNode inbox = Eventually.value(() -> {
			JsonNode body = api.get("/api/v1/me/alerts", danToken).json();
			return body.get("unread").asInt() > 0 ? body : null;
		});
		assertThat(inbox.at("/alerts/0/text").asString()).isEqualTo("An agent for " + later.name() + " is available now");
	}

	@Test
	void malformedRulesAnswer400NamingEachFieldAndChangeNothing() {
		assertThat(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-agent-available", "queue",
				queue.key()))).status()).isEqualTo(200);

		assertInvalid(api.put("/api/v1/me/alert-rules", cora, "{}"), "rules", "required");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "sunrise"))), "rules[0].kind",
				"invalid");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-wait"))), "rules[0].kind",
				"invalid");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "agent-available"))),
				"rules[0].agent", "required");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "agent-available", "agent",
				"ana"))), "rules[0].agent", "format");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-turn", "position", 0))),
				"rules[0].position", "range");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-agent-available", "queue",
				queue.key(), "order", "PO-1"))), "rules[0].order", "not-allowed");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "order-status", "order",
				"not an order"))), "rules[0].order", "format");
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, ApiClient.json(Map.of("rules", List.of(
				Map.of("kind", "queue-turn"), Map.of("kind", "queue-turn"))))), "rules[1]", "duplicate");
		List<Map<String, Object>> many = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			many.add(Map.of("kind", "queue-turn", "position", 1 + i % 50));
		}
		assertInvalid(api.put("/api/v1/me/alert-rules", cora, ApiClient.json(Map.of("rules", many))), "rules", "range");
		var malformed = api.put("/api/v1/me/alert-rules", cora, "{\"rules\": [");
		assertThat(malformed.status()).isEqualTo(400);

		var rules = api.get("/api/v1/me/alert-rules", cora).json().get("rules");
		assertThat(rules).hasSize(1);
		assertThat(rules.get(0).get("queue").asString()).isEqualTo(queue.key());
	}

	@Test
	void aRuleOnSomethingThatDoesNotExistAnswers422NamingTheFieldAndChangesNothing() {
		assertThat(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "queue-turn"))).status()).isEqualTo(200);

		var noQueue = api.put("/api/v1/me/alert-rules", cora, ApiClient.json(Map.of("rules", List.of(
				Map.of("kind", "queue-turn"), Map.of("kind", "queue-agent-available", "queue", "no-such-queue")))));
		assertUnknown(noQueue, "rules[1].queue");
		assertUnknown(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "agent-available", "agent",
				UUID.randomUUID().toString()))), "rules[0].agent");
		assertUnknown(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "product-agent-available",
				"product", UUID.randomUUID().toString()))), "rules[0].product");
		assertUnknown(api.put("/api/v1/me/alert-rules", cora, rules(Map.of("kind", "order-status", "order",
				"PO-999999999"))), "rules[0].order");

		var rules = api.get("/api/v1/me/alert-rules", cora).json().get("rules");
		assertThat(rules).hasSize(1);
		assertThat(rules.get(0).get("kind").asString()).isEqualTo("queue-turn");
		assertThat(rules.get(0).get("position").asInt()).isEqualTo(1);
	}

	@Test
	void agentsAndSupervisorsHoldTheirOwnKindsEachOnTheirOwnRules() {
		String agentToken = tokens.issue(new AccountId(agent.id().value()), "test", null).secret();
		String supervisor = AccountFixtures.withToken(identity, tokens, Role.SUPERVISOR).token();

		var mine = api.put("/api/v1/agent/alert-rules", agentToken, ApiClient.json(Map.of("rules", List.of(
				Map.of("kind", "transfer-arrives"), Map.of("kind", "customer-asks"), Map.of("kind", "invitation-reply")))));
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("rules")).hasSize(3);
		assertInvalid(api.put("/api/v1/agent/alert-rules", agentToken, rules(Map.of("kind", "queue-turn"))),
				"rules[0].kind", "invalid");
		assertUnknown(api.put("/api/v1/agent/alert-rules", agentToken, rules(Map.of("kind", "customer-online",
				"customer", UUID.randomUUID().toString()))), "rules[0].customer");

		var watch = api.put("/api/v1/supervisor/alert-rules", supervisor, ApiClient.json(Map.of("rules", List.of(
				Map.of("kind", "queue-wait", "queue", queue.key()), Map.of("kind", "queue-size"),
				Map.of("kind", "missed-offers", "agent", agent.id().toString())))));
		assertThat(watch.status()).isEqualTo(200);
		assertThat(watch.json().at("/rules/1").hasNonNull("queue")).isFalse();
		assertUnknown(api.put("/api/v1/supervisor/alert-rules", supervisor, rules(Map.of("kind", "service-level",
				"queue", "no-such-queue"))), "rules[0].queue");
		assertThat(api.get("/api/v1/supervisor/alert-rules", supervisor).json().get("rules")).hasSize(3);
		assertThat(api.get("/api/v1/supervisor/alerts", supervisor).json().get("unread").asInt()).isZero();

		// nobody sees another's rules
		assertThat(api.get("/api/v1/me/alert-rules", cora).json().get("rules")).isEmpty();
		assertThat(api.get("/api/v1/agent/alert-rules", agentToken).json().get("rules")).hasSize(3);
	}

	private static String rules(Map<String, Object> rule) {
		return ApiClient.json(Map.of("rules", List.of(rule)));
	}

	private static void assertInvalid(ApiClient.Response r, String field, String code) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		boolean named = false;
		for (JsonNode e : r.json().get("errors")) {
			named |= e.get("field").asString().equals(field) && e.get("code").asString().equals(code);
		}
		assertThat(named).as(field + " " + code + " in " + r.body()).isTrue();
	}

	private static void assertUnknown(ApiClient.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("code").asString()).isEqualTo("unknown-subject");
		assertThat(r.json().get("field").asString()).isEqualTo(field);
	}
}
