package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;

@ParleyIntegrationTest
class HistoryApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	Catalog catalog;

	@Autowired
	InteractionHistory history;

	ApiClient api;
	AccountFixtures.SignedIn me;
	ProductId phone;
	ProductId router;
	Account ana;
	Account ben;
	InteractionRecord phoneAna;
	InteractionRecord routerBen;
	InteractionRecord routerAna;
	InteractionRecord general;
	InteractionRecord phoneBen;

	@BeforeEach
	void data() {
		api = new ApiClient(port);
		me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		phone = HistoryFixtures.product(catalog, "Zephyr phone");
		router = HistoryFixtures.product(catalog, "Aurora router");
		ana = HistoryFixtures.agent(identity, "Ana Lima");
		ben = HistoryFixtures.agent(identity, "Ben Okafor");
		phoneAna = rec(phone, ana, Medium.CHAT, "2026-03-01T10:00:00Z", "Screen flickers");
		routerBen = rec(router, ben, Medium.VOICE, "2026-03-05T23:30:00Z", "No internet");
		routerAna = rec(router, ana, Medium.EMAIL, "2026-02-10T08:00:00Z", "Router setup");
		general = rec(null, ben, Medium.VIDEO, "2026-01-20T12:00:00Z", "Account question");
		phoneBen = rec(phone, ben, Medium.CHAT, "2026-02-20T09:00:00Z", "Battery");
	}

	InteractionRecord rec(ProductId product, Account agent, Medium medium, String at, String summary) {
		return HistoryFixtures.record(history, me.id(), product, agent, medium, at, summary);
	}

	JsonNode list(String query) {
		var response = api.get("/api/v1/me/history" + query, me.token());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void listsOwnRecordsNewestFirstWithProductAndAgentNames() {
		var other = AccountFixtures.account(identity, Role.CUSTOMER);
		HistoryFixtures.record(history, other.id().value(), phone, ana, Medium.CHAT, "2026-03-09T10:00:00Z", "x");

		var page = list("");
		assertThat(page.get("total").asLong()).isEqualTo(5);
		assertThat(page.get("items").findValuesAsString("summary")).containsExactly("No internet", "Screen flickers",
				"Battery", "Router setup", "Account question");
		var first = page.get("items").get(0);
		assertThat(first.get("productName").asString()).isEqualTo("Aurora router");
		assertThat(first.get("productId").asString()).isEqualTo(router.toString());
		assertThat(first.get("agentName").asString()).isEqualTo("Ben Okafor");
		assertThat(first.get("agentId").asString()).isEqualTo(ben.id().value().toString());
		assertThat(page.get("items").get(4).get("productName").asString()).isEqualTo("General");
	}

	@Test
	void filtersByProductAgentMediumAndDaysInTheGivenZone() {
		assertThat(list("?product=" + phone).get("items").findValuesAsString("summary"))
			.containsExactly("Screen flickers", "Battery");
		assertThat(list("?agent=" + ana.id().value()).get("items").findValuesAsString("summary"))
			.containsExactly("Screen flickers", "Router setup");
		assertThat(list("?medium=chat&agent=" + ben.id().value()).get("items").findValuesAsString("summary"))
			.containsExactly("Battery");
		assertThat(list("?from=2026-02-10&to=2026-03-01").get("items").findValuesAsString("summary"))
			.containsExactly("Screen flickers", "Battery", "Router setup");
		// 2026-03-05T23:30Z is already 6 March in Berlin
		assertThat(list("?from=2026-03-06&zone=Europe/Berlin").get("items").findValuesAsString("summary"))
			.containsExactly("No internet");
		assertThat(list("?from=2026-03-06").get("total").asLong()).isZero();
	}

	@Test
	void groupsAPageOfRecordsByProductNameThenAgent() {
		var response = api.get("/api/v1/me/history/grouped", me.token());
		assertThat(response.status()).isEqualTo(200);
		var groups = response.json().get("groups");
		assertThat(groups.valueStream().map(g -> g.get("productName").asString()))
			.containsExactly("Aurora router", "Zephyr phone", "General");
		var routerAgents = groups.get(0).get("agents");
		assertThat(routerAgents.get(0).get("agentName").asString()).isEqualTo("Ana Lima");
		assertThat(routerAgents.get(1).get("agentName").asString()).isEqualTo("Ben Okafor");
		assertThat(groups.get(1).get("count").asInt()).isEqualTo(2);
		assertThat(routerAgents.get(0).get("count").asInt()).isEqualTo(1);
		assertThat(response.json().get("total").asLong()).isEqualTo(5);

		var filtered = api.get("/api/v1/me/history/grouped?medium=CHAT&page=0&size=1", me.token()).json();
		assertThat(filtered.get("total").asLong()).isEqualTo(2);
		assertThat(filtered.get("totalPages").asInt()).isEqualTo(2);
		assertThat(filtered.get("groups").findValuesAsString("summary")).containsExactly("Screen flickers");
	}

	@Test
	void pagesThroughRecords() {
		var second = list("?page=1&size=2");
		assertThat(second.get("items").findValuesAsString("summary")).containsExactly("Battery", "Router setup");
		assertThat(second.get("total").asLong()).isEqualTo(5);
		assertThat(list("?page=3&size=2").get("items").isEmpty()).isTrue();
	}

	@Test
	void badFiltersAreRefusedNamingTheParameter() {
		Map.of("?medium=FAX", "medium", "?from=2026-02-30", "from", "?to=tomorrow", "to",
				"?from=2026-03-02&to=2026-03-01", "from", "?page=-1", "page", "?size=0", "size", "?size=abc", "size",
				"?product=123", "product", "?agent=ana", "agent", "?zone=Mars/Base", "zone")
			.forEach((query, field) -> {
				for (String path : new String[] { "/api/v1/me/history", "/api/v1/me/history/grouped" }) {
					var response = api.get(path + query, me.token());
					assertThat(response.status()).as(path + query).isEqualTo(400);
					assertThat(response.json().get("errors").findValuesAsString("field")).as(query).contains(field);
				}
			});
	}

	@Test
	void showsOneRecordWithTranscript() {
		var response = api.get("/api/v1/me/history/" + phoneAna.id(), me.token());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("transcript").asString()).contains("Agent: hello");
		assertThat(response.json().get("productName").asString()).isEqualTo("Zephyr phone");
		assertThat(response.json().get("version").asLong()).isZero();
	}

	@Test
	void anotherCustomersRecordIsNotFoundLikeAnUnknownOneOnEveryEndpoint() {
		var stranger = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		String body = ApiClient.json(Map.of("rating", 4, "comment", "nice", "version", 0));
		String unknown = UUID.randomUUID().toString();

		var getOther = api.get("/api/v1/me/history/" + phoneAna.id(), stranger.token());
		var getUnknown = api.get("/api/v1/me/history/" + unknown, me.token());
		var rateOther = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", stranger.token(), body);
		var rateUnknown = api.put("/api/v1/me/history/" + unknown + "/rating", me.token(), body);

		for (var response : new ApiClient.Response[] { getOther, getUnknown, rateOther, rateUnknown }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().get("detail")).isEqualTo(getUnknown.json().get("detail"));
		}
		assertThat(list("?agent=" + ana.id().value()).get("total").asLong()).isEqualTo(2);
		assertThat(api.get("/api/v1/me/history", stranger.token()).json().get("total").asLong()).isZero();
		assertThat(api.get("/api/v1/me/history/grouped", stranger.token()).json().get("groups").isEmpty()).isTrue();
		assertThat(history.get(new CustomerId(me.id()), phoneAna.id()).record().rating()).isNull();
	}

	@Test
	void ratesAnInteractionAndTheChangeIsAudited() {
		var rated = api.put("/api/v1/me/history/" + routerBen.id() + "/rating", me.token(),
				ApiClient.json(Map.of("rating", 4, "comment", "Fixed fast", "version", 0)));
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
		assertThat(rated.json().get("ratingComment").asString()).isEqualTo("Fixed fast");
		assertThat(rated.json().get("version").asLong()).isEqualTo(1);
		assertThat(rated.json().get("ratedAt")).isNotNull();

		var staff = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var audit = api.get("/api/v1/audit?customer=" + me.id(), staff.token());
		assertThat(audit.status()).isEqualTo(200);
		var entries = audit.json().get("items");
		assertThat(entries.findValuesAsString("field")).containsExactlyInAnyOrder("rating", "comment");
		for (JsonNode e : entries) {
			assertThat(e.get("entityType").asString()).isEqualTo("interaction");
			assertThat(e.get("entityId").asString()).isEqualTo(routerBen.id().toString());
			assertThat(e.get("action").asString()).isEqualTo("rate");
			if (e.get("field").asString().equals("rating")) {
				assertThat(e.get("oldValue")).isNull();
				assertThat(e.get("newValue").asString()).isEqualTo("4");
			}
		}
	}

	@Test
	void refusesRatingsOutsideOneToFiveAndChangesNothing() {
		for (int stars : new int[] { 0, 6 }) {
			var response = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", me.token(),
					ApiClient.json(Map.of("rating", stars, "version", 0)));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("rating");
		}
		var tooLong = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", me.token(),
				ApiClient.json(Map.of("rating", 3, "comment", "x".repeat(1001), "version", 0)));
		assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("comment");
		var missing = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", me.token(), "{}");
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("rating", "version");
		var unchanged = history.get(new CustomerId(me.id()), phoneAna.id()).record();
		assertThat(unchanged.rating()).isNull();
		assertThat(unchanged.version()).isZero();
	}

	@Test
	void refusesARatingOrVersionThatIsNotExactlyAWholeNumberNamingTheField() {
		String url = "/api/v1/me/history/" + phoneAna.id() + "/rating";
		for (String body : new String[] { "{\"rating\": 4.99, \"version\": 0}", "{\"rating\": \"5\", \"version\": 0}",
				"{\"rating\": 4.0, \"version\": 0}", "{\"rating\": true, \"version\": 0}" }) {
			var response = api.put(url, me.token(), body);
			assertThat(response.status()).as(body).isEqualTo(400);
			var error = response.json().get("errors").get(0);
			assertThat(error.get("field").asString()).as(body).isEqualTo("rating");
			assertThat(error.get("message").asString()).isEqualTo("must be a whole number");
			assertThat(response.body()).doesNotContain("java").doesNotContain("`").doesNotContain("Integer");
		}
		for (String body : new String[] { "{\"rating\": 4, \"version\": 3.9}", "{\"rating\": 4, \"version\": \"0\"}" }) {
			var response = api.put(url, me.token(), body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("field")).as(body).containsExactly("version");
		}
		var comment = api.put(url, me.token(), "{\"rating\": 4, \"comment\": 12, \"version\": 0}");
		assertThat(comment.status()).isEqualTo(400);
		assertThat(comment.json().get("errors").findValuesAsString("field")).containsExactly("comment");
		var unchanged = history.get(new CustomerId(me.id()), phoneAna.id()).record();
		assertThat(unchanged.rating()).isNull();
		assertThat(unchanged.version()).isZero();
	}

	@Test
	void aCommentMayHoldLineBreaksButNoOtherControlCharacter() {
		String url = "/api/v1/me/history/" + phoneAna.id() + "/rating";
		var refused = api.put(url, me.token(), "{\"rating\": 4, \"comment\": \"ok\\u0007\", \"version\": 0}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("comment");
		assertThat(history.get(new CustomerId(me.id()), phoneAna.id()).record().rating()).isNull();
		var rated = api.put(url, me.token(), "{\"rating\": 4, \"comment\": \"Fixed fast.\\r\\nThanks\\tall\", \"version\": 0}");
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("ratingComment").asString()).isEqualTo("Fixed fast.\r\nThanks\tall");
	}

	@Test
	void refusesAStaleVersionWithConflict() {
		history.rate(new CustomerId(me.id()), phoneAna.id(), 5, null, 0L);
		var stale = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", me.token(),
				ApiClient.json(Map.of("rating", 1, "version", 0)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asString()).isEqualTo("stale");
		assertThat(history.get(new CustomerId(me.id()), phoneAna.id()).record().rating()).isEqualTo(5);
	}

	@Test
	void refusesMalformedJson() {
		var response = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", me.token(), "{\"rating\":");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("title").asString()).isEqualTo("Malformed request body");
		var wrongType = api.put("/api/v1/me/history/" + phoneAna.id() + "/rating", me.token(),
				"{\"rating\":\"five\",\"version\":0}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(history.get(new CustomerId(me.id()), phoneAna.id()).record().rating()).isNull();
	}

	@Test
	void onlyCustomersHaveAHistory() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		assertThat(api.get("/api/v1/me/history", agent.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me/history", null).status()).isEqualTo(401);
	}
}
