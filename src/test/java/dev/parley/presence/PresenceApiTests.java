package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.history.Direction;
import dev.parley.history.InteractionHistory;
import dev.parley.common.Medium;
import dev.parley.history.NewInteraction;
import dev.parley.common.Outcome;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.pidf.Schemas;
import dev.parley.presence.internal.RuleCache;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.AccountFixtures.SignedIn;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

@ParleyIntegrationTest
class PresenceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	Presence presence;

	@Autowired
	Presentities presentities;

	@Autowired
	RuleCache ruleCache;

	@Autowired
	PortalPresence portal;

	@Autowired
	InteractionHistory history;

	ApiClient api;

	SignedIn customer;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
	}

	@Test
	void servesOwnPresenceAsPidfValidAgainstTheSchemasAndAsJson() {
		var put = api.put("/api/v1/me/presence", customer.token(),
				ApiClient.json(Map.of("status", "open", "activities", List.of("busy", "meeting"), "note", "Call me at 3")));
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("activities").toString()).contains("busy", "meeting");

		var pidf = get("/api/v1/presence/customer-" + customer.id(), customer.token(), "application/pidf+xml");
		assertThat(pidf.statusCode()).isEqualTo(200);
		assertThat(pidf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pidf+xml");
		Schemas.assertValid(Schemas.PIDF, pidf.body());
		assertThat(pidf.body()).contains("entity=\"pres:customer-" + customer.id() + "@parley.local\"", "Call me at 3",
				"meeting");

		var json = api.get("/api/v1/presence/customer-" + customer.id(), customer.token());
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("status").asString()).isEqualTo("closed"); // no portal tab open
		assertThat(json.json().get("note").asString()).isEqualTo("Call me at 3");
		assertThat(json.json().get("tuples").get(0).get("id").asString()).isEqualTo("portal");
		assertThat(api.get("/api/v1/me/presence", customer.token()).json().get("note").asString()).isEqualTo("Call me at 3");
	}

	@Test
	void unknownAndNotAllowedPresentitiesAreTheSame404InBothRepresentations() {
		var other = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var refused = api.get("/api/v1/presence/customer-" + other.id(), customer.token());
		var unknown = api.get("/api/v1/presence/customer-" + UUID.randomUUID(), customer.token());
		var neverMet = api.get("/api/v1/presence/agent-" + agent.id().value(), customer.token());
		var unknownAgent = api.get("/api/v1/presence/agent-" + UUID.randomUUID(), customer.token());
		for (var r : List.of(refused, unknown, neverMet, unknownAgent)) {
			assertThat(r.status()).isEqualTo(404);
			assertThat(problem(r.body())).isEqualTo(problem(unknown.body()));
		}
		var refusedPidf = get("/api/v1/presence/customer-" + other.id(), customer.token(), "application/pidf+xml");
		var unknownPidf = get("/api/v1/presence/customer-" + UUID.randomUUID(), customer.token(), "application/pidf+xml");
		assertThat(refusedPidf.statusCode()).isEqualTo(unknownPidf.statusCode());
		assertThat(problem(refusedPidf.body())).isEqualTo(problem(unknownPidf.body()));
	}

	@Test
	void aCustomerSeesAnAgentOnlyAfterAnInteractionWithThem() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		String path = "/api/v1/presence/agent-" + agent.id().value();
		assertThat(api.get(path, customer.token()).status()).isEqualTo(404);
		history.record(new NewInteraction(new CustomerId(customer.id()), null, new AgentId(agent.id().value()), Medium.CHAT, Direction.INBOUND,
				Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T10:10:00Z"), Outcome.RESOLVED,
				"Asked about a bill", null));
		var seen = api.get(path, customer.token());
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().get("status").asString()).isEqualTo("closed");
		assertThat(api.get("/api/v1/presence/pres:agent-" + agent.id().value() + "@parley.local", customer.token())
			.status()).isEqualTo(200);
	}

	@Test
	void approvesAndDeniesWatchersAndRemembersTheAnswers() {
		var asking = watch(AccountFixtures.account(identity, Role.AGENT).id().value());
		var refused = watch(AccountFixtures.account(identity, Role.AGENT).id().value());
		var watchers = api.get("/api/v1/me/presence/watchers", customer.token());
		assertThat(watchers.json().findValuesAsString("status")).containsExactly("pending", "pending");

		assertThat(api.post("/api/v1/me/presence/watchers/" + asking.id() + "/approve", customer.token(), null).status())
			.isEqualTo(204);
		assertThat(asking.state()).isInstanceOf(SubscriptionState.Active.class);
		assertThat(api.post("/api/v1/me/presence/watchers/" + asking.id() + "/approve", customer.token(), null).status())
			.isEqualTo(409);
		assertThat(api.post("/api/v1/me/presence/watchers/" + refused.id() + "/deny", customer.token(), null).status())
			.isEqualTo(204);
		assertThat(refused.state()).isEqualTo(new SubscriptionState.Terminated(TerminationReason.REJECTED));

		ruleCache.clear();
		var rules = api.get("/api/v1/me/presence/rules", customer.token()).json().get("watchers");
		assertThat(rules.findValuesAsString("handling")).containsExactlyInAnyOrder("allow", "block");
		assertThat(api.get("/api/v1/me/presence/watchers", customer.token()).json().findValuesAsString("status"))
			.containsExactly("active");
	}

	@Test
	void anotherCustomersWatcherIsNotFoundLikeAnUnknownOne() {
		var other = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var theirs = watchOf(other.id(), AccountFixtures.account(identity, Role.AGENT).id().value());
		for (String action : List.of("approve", "deny")) {
			var attempt = api.post("/api/v1/me/presence/watchers/" + theirs.id() + "/" + action, customer.token(), null);
			var unknown = api.post("/api/v1/me/presence/watchers/s999999/" + action, customer.token(), null);
			var garbage = api.post("/api/v1/me/presence/watchers/x-y/" + action, customer.token(), null);
			assertThat(attempt.status()).isEqualTo(404);
			assertThat(problem(attempt.body())).isEqualTo(problem(unknown.body())).isEqualTo(problem(garbage.body()));
		}
		assertThat(theirs.state()).isSameAs(SubscriptionState.PENDING);
	}

	@Test
	void storesRulesDurablyAndAppliesThemToLiveSubscriptions() {
		var agentWatching = watch(AccountFixtures.account(identity, Role.AGENT).id().value());
		var saved = api.put("/api/v1/me/presence/rules", customer.token(), rules("allow", "basic", 0));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("version").asLong()).isEqualTo(1);
		assertThat(agentWatching.state()).isInstanceOf(SubscriptionState.Active.class);
		assertThat(agentWatching.visibility()).isEqualTo(Visibility.BASIC_ONLY);

		ruleCache.clear();
		var reread = api.get("/api/v1/me/presence/rules", customer.token()).json();
		assertThat(reread.get("groups").get("agents").get("handling").asString()).isEqualTo("allow");
		assertThat(reread.get("groups").get("agents").get("visibility").asString()).isEqualTo("basic");
		assertThat(reread.get("groups").get("others").get("handling").asString()).isEqualTo("block");

		var stale = api.put("/api/v1/me/presence/rules", customer.token(), rules("block", "nothing", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(agentWatching.state()).isInstanceOf(SubscriptionState.Active.class);
	}

	@Test
	void rejectsBadInputNamingEveryFieldAndKeepsTheDataUnchanged() {
		var bad = api.put("/api/v1/me/presence", customer.token(), ApiClient.json(Map.of("status", "sleepy",
				"activities", List.of("busy", "wrap-up"), "note", "x".repeat(201))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("status", "activities[1]",
				"note");
		assertThat(api.put("/api/v1/me/presence", customer.token(), "{}").json().get("errors")
			.findValuesAsString("field")).containsExactly("status");
		assertThat(api.put("/api/v1/me/presence", customer.token(), "{\"status\":").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/me/presence", customer.token()).json().get("status").asString()).isEqualTo("open");

		var badRules = api.put("/api/v1/me/presence/rules", customer.token(), ApiClient.json(Map.of("groups",
				Map.of("agents", Map.of("handling", "maybe", "visibility", "full"), "robots", Map.of()), "watchers",
				List.of(Map.of("watcher", "not a uri", "handling", "allow", "visibility", "full")))));
		assertThat(badRules.status()).isEqualTo(400);
		assertThat(badRules.json().get("errors").findValuesAsString("field")).contains("version", "groups.robots",
				"groups.agents.handling", "groups.supervisors", "groups.others", "watchers[0].watcher");
		assertThat(api.put("/api/v1/me/presence/rules", customer.token(), "[1,").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/me/presence/rules", customer.token()).json().get("version").asLong()).isZero();

		var malformedId = api.get("/api/v1/presence/nobody", customer.token());
		assertThat(malformedId.status()).isEqualTo(400);
		assertThat(malformedId.json().get("errors").get(0).get("field").asString()).isEqualTo("presentity");
	}

	@Test
	void severalTabsAreOnePersonWhoIsAwayOnlyWhenEveryTabIsIdle() {
		UUID me = customer.id();
		PresentityId id = PresentityId.customer(me);
		portal.opened(me, "tab-1");
		portal.opened(me, "tab-2");
		assertThat(presence.current(id).orElseThrow().isOpen()).isTrue();
		portal.idle(me, "tab-1", true);
		assertThat(PresenceSummary.of(presence.current(id).orElseThrow()).has(Activity.AWAY)).isFalse();
		portal.idle(me, "tab-2", true);
		assertThat(PresenceSummary.of(presence.current(id).orElseThrow()).has(Activity.AWAY)).isTrue();
		portal.closed(me, "tab-1");
		portal.idle(me, "tab-2", false);
		assertThat(PresenceSummary.of(presence.current(id).orElseThrow()).activities()).isEmpty();
		portal.closed(me, "tab-2");
		assertThat(presence.current(id).orElseThrow().isOpen()).as("open during the grace period").isTrue();
		portal.opened(me, "tab-3");
		assertThat(portal.isOpen(me)).isTrue();
	}

	@Test
	void onlyCustomersHaveMyPresenceAndEveryoneNeedsAToken() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		assertThat(api.get("/api/v1/me/presence", agent.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/presence/center-main", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/presence/center-main", agent.token()).status()).isEqualTo(200);
	}

	/** A problem body without its instance (the request path, which differs by design). */
	private static String problem(String body) {
		return body.replaceAll("\"instance\":\"[^\"]*\",?", "");
	}

	private String rules(String agentsHandling, String agentsVisibility, long version) {
		return ApiClient.json(Map.of("groups",
				Map.of("agents", Map.of("handling", agentsHandling, "visibility", agentsVisibility), "supervisors",
						Map.of("handling", "confirm", "visibility", "full"), "others",
						Map.of("handling", "block", "visibility", "nothing")),
				"version", version));
	}

	private Subscription watch(UUID agent) {
		return watchOf(customer.id(), agent);
	}

	private Subscription watchOf(UUID customerId, UUID agent) {
		PresentityId target = PresentityId.customer(customerId);
		assertThat(presentities.ensure(target)).isTrue();
		var result = presence.subscribe(Watcher.account(agent, WatcherClass.AGENT), target, Duration.ofHours(1));
		return ((SubscribeResult.Subscribed) result).subscription();
	}

	private HttpResponse<String> get(String path, String token, String accept) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
