package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chat's two message endpoints are served by {@link HotPaths} for a plain JSON request and by Spring MVC for
 * anything else, and both answer alike: each request below is sent twice, once as {@code application/json} (the hot
 * path) and once as {@code application/vnd.parley+json}, a JSON type Spring MVC reads with the same converter but the
 * hot path leaves to it; status, content type and body must match (the stored message's number and time aside).
 */
@ParleyIntegrationTest
class HotPathsTests {

	private static final String SPRINGS = "application/vnd.parley+json";
	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	HotPaths hotPaths;

	@Autowired
	RequestMappingHandlerAdapter adapter;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void theMessageEndpointsAreHot() {
		assertThat(hotPaths.routes()).containsExactlyInAnyOrder("POST /api/v1/me/interactions/{id}/messages",
				"POST /api/v1/agent/interactions/{id}/messages");
		var json = request("POST", "/api/v1/agent/interactions/abc/messages", "application/json", null);
		var chain = hotPaths.getHandler(json);
		assertThat(chain).isNotNull();
		assertThat(chain.getHandler()).isInstanceOf(HandlerMethod.class);
		assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo("post");
		assertThat(json.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
			.as("the request metrics' path").isEqualTo("/api/v1/agent/interactions/{id}/messages");
		assertThat(json.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(Map.of("id", "abc"));
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages",
				"application/json;charset=UTF-8", "application/json, application/problem+json"))).isNotNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", "application/json",
				"*/*"))).isNotNull();

		assertThat(hotPaths.getHandler(request("GET", "/api/v1/me/interactions/abc/messages", null, null))).isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/read", "application/json", null)))
			.isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", null, null)))
			.as("no content type: Spring's 415").isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", "text/plain", null)))
			.isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", SPRINGS, null)))
			.isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", "application/json",
				"application/xml"))).as("JSON not acceptable: Spring's 406").isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", "application/json",
				"application/json;q=0"))).isNull();
		assertThat(hotPaths.getHandler(request("POST", "/api/v1/me/interactions/abc/messages", "applic ation",
				null))).isNull();
		var twoAccepts = request("POST", "/api/v1/me/interactions/abc/messages", "application/json",
				"application/json");
		twoAccepts.addHeader("Accept", "application/xml");
		assertThat(hotPaths.getHandler(twoAccepts)).as("two Accept headers: Spring's to weigh").isNull();
	}

	@Test
	void bothPathsAnswerAlike() {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 20);
		Agent agent = RoutingFixtures.agent(agents, group);
		String agentToken = RoutingFixtures.readyToken(api, tokens, agent);
		var customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		String id = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", queue.key()))).json().get("id").asString();
		RoutingFixtures.accept(api, agentToken, id);
		String mine = "/api/v1/me/interactions/" + id + "/messages";
		String desk = "/api/v1/agent/interactions/" + id + "/messages";
		var otherCustomer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		Agent other = RoutingFixtures.agent(agents, group);
		String otherAgent = tokens.issue(new AccountId(other.id().value()), "test", null).secret();

		int before = messages(mine, customer.token());
		same(201, mine, customer.token(), "{\"body\":\"Hello <b>there</b>\"}");
		same(201, desk, agentToken, "{\"body\":\"Hi, how can I help?\"}");
		same(201, mine, customer.token(), "{\"body\":\"hi\",\"colour\":\"red\"}"); // a field it does not know is ignored
		assertThat(messages(mine, customer.token())).as("each path stored its messages").isEqualTo(before + 6);
		same(400, mine, customer.token(), "{\"body\":\"   \"}");
		same(400, mine, customer.token(), "{\"body\":5}");
		same(400, mine, customer.token(), "{\"body\":");
		same(400, mine, customer.token(), "");
		same(413, mine, customer.token(), ApiClient.json(Map.of("body", "x".repeat(4001))));
		same(404, mine, otherCustomer.token(), "{\"body\":\"hi\"}");
		same(403, desk, otherAgent, "{\"body\":\"hi\"}");
		same(404, "/api/v1/me/interactions/not-an-id/messages", customer.token(), "{\"body\":\"hi\"}");
		same(404, "/api/v1/agent/interactions/6f1c2a52-3f0e-4c55-9d7e-0d6f7a1b2c3d/messages", agentToken,
				"{\"body\":\"hi\"}");
		same(401, mine, "not-a-token", "{\"body\":\"hi\"}");
		assertThat(messages(mine, customer.token())).as("no refused request stored anything").isEqualTo(before + 6);

		assertThat(api.post("/api/v1/agent/interactions/" + id + "/wrap-up", agentToken,
				ApiClient.json(Map.of("disposition", "resolved", "summary", "done"))).status()).isEqualTo(200);
		same(409, desk, agentToken, "{\"body\":\"still there?\"}");
	}

	@Test
	void aMethodItCannotServeFailsTheStart() throws Exception {
		var converters = adapter.getMessageConverters();
		var info = RequestMappingInfo.paths("/x/{id}").methods(org.springframework.web.bind.annotation.RequestMethod.POST)
			.build();
		var ok = new HandlerMethod(new Sample(), Sample.class.getDeclaredMethod("ok", String.class));
		assertThat(HotPaths.Route.of(info, ok, converters).httpMethod).isEqualTo("POST");
		var param = new HandlerMethod(new Sample(), Sample.class.getDeclaredMethod("param", String.class));
		assertThatThrownBy(() -> HotPaths.Route.of(info, param, converters)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("neither the principal, a path variable nor the body");
		var nothing = new HandlerMethod(new Sample(), Sample.class.getDeclaredMethod("nothing", String.class));
		assertThatThrownBy(() -> HotPaths.Route.of(info, nothing, converters)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a body or a ResponseEntity");
		var twoPatterns = RequestMappingInfo.paths("/x/{id}", "/y/{id}")
			.methods(org.springframework.web.bind.annotation.RequestMethod.POST).build();
		assertThatThrownBy(() -> HotPaths.Route.of(twoPatterns, ok, converters))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("one path pattern");
	}

	static class Sample {

		@PostMapping("/x/{id}")
		List<String> ok(@PathVariable String id) {
			return List.of(id);
		}

		@PostMapping("/x/{id}")
		List<String> param(@RequestParam String id) {
			return List.of(id);
		}

		@PostMapping("/x/{id}")
		void nothing(@PathVariable String id) {
		}
	}

	/** Sends the body as plain JSON (hot) and as Parley's JSON type (Spring's): the same answer, or it fails. */
	private void same(int status, String path, String token, String body) {
		var hot = api.send("POST", path, token, "application/json", body);
		var springs = api.send("POST", path, token, SPRINGS, body);
		assertThat(hot.status()).as("hot %s %s", path, body).isEqualTo(status);
		assertThat(springs.status()).as("Spring's %s %s", path, body).isEqualTo(status);
		assertThat(hot.contentType()).as("content type of %s", body).isEqualTo(springs.contentType());
		assertThat(comparable(hot.body())).as("answer to %s", body).isEqualTo(comparable(springs.body()));
	}

	/** The answer without what differs between two stored messages (number, time, client id). */
	private static JsonNode comparable(String body) {
		if (body == null || body.isBlank()) {
			return JSON.nullNode();
		}
		JsonNode node = JSON.readTree(body);
		if (node instanceof ObjectNode object) {
			object.remove(List.of("seq", "sentAt", "clientId"));
		}
		return node;
	}

	private int messages(String path, String token) {
		return api.get(path, token).json().size();
	}

	private static MockHttpServletRequest request(String method, String path, String contentType, String accept) {
		var request = new MockHttpServletRequest(method, path);
		if (contentType != null) {
			request.setContentType(contentType);
		}
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return request;
	}
}
