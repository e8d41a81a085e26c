package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as a client generator reads it from a running Parley: valid OpenAPI 3.1, every
 * operation explained, every refusal documented as a problem detail, and the documented 401s and 403s
 * the ones the API really gives.
 */
@ParleyIntegrationTest
class OpenApiDocumentTests {

	/** Invitations (agents invite customers, customers ask for agents). */
	static final Set<String> INVITATION_OPERATIONS = Set.of("POST /api/v1/agent/invitations",
			"GET /api/v1/agent/invitations", "POST /api/v1/agent/invitations/{id}/accept",
			"POST /api/v1/agent/invitations/{id}/decline", "POST /api/v1/me/invitations", "GET /api/v1/me/invitations",
			"POST /api/v1/me/invitations/{id}/accept", "POST /api/v1/me/invitations/{id}/decline",
			"POST /api/v1/me/invitations/{id}/withdraw", "POST /api/v1/me/invitations/{id}/to-queue");

	/** Status alerts: the inbox and the rules of customers, agents and supervisors. */
	static final Set<String> ALERT_OPERATIONS = Set.of("GET /api/v1/me/alerts", "POST /api/v1/me/alerts/{id}/dismiss",
			"GET /api/v1/me/alert-rules", "PUT /api/v1/me/alert-rules", "GET /api/v1/agent/alerts",
			"POST /api/v1/agent/alerts/{id}/dismiss", "GET /api/v1/agent/alert-rules", "PUT /api/v1/agent/alert-rules",
			"GET /api/v1/supervisor/alerts", "POST /api/v1/supervisor/alerts/{id}/dismiss",
			"GET /api/v1/supervisor/alert-rules", "PUT /api/v1/supervisor/alert-rules");

	/** The v1 contract: every operation, by method and path. None may disappear or move. */
	static final Set<String> OPERATIONS = plus(plus(INVITATION_OPERATIONS, ALERT_OPERATIONS.toArray(String[]::new)), "POST /api/v1/registrations", "GET /api/v1/me/profile",
			"GET /api/v1/me/attributes/definitions", "PUT /api/v1/me/demographics", "PUT /api/v1/me/capabilities",
			"PUT /api/v1/me/agenda", "PUT /api/v1/me/interests", "GET /api/v1/me/history",
			"GET /api/v1/me/history/grouped", "GET /api/v1/me/history/{id}", "PUT /api/v1/me/history/{id}/rating",
			"GET /api/v1/me/orders", "GET /api/v1/me/orders/{id}", "POST /api/v1/me/orders/{id}/cancel",
			"PUT /api/v1/me/orders/{id}/delivery-address", "GET /api/v1/me/orders/{id}/changes",
			"GET /api/v1/me/products/owned", "GET /api/v1/categories", "GET /api/v1/products",
			"GET /api/v1/products/{id}", "GET /api/v1/agent-groups", "GET /api/v1/admin/agent-groups",
			"PUT /api/v1/admin/agent-groups/{key}/opening-hours", "POST /api/v1/admin/agents", "GET /api/v1/audit",
			"GET /api/v1/admin/attributes", "POST /api/v1/admin/attributes", "GET /api/v1/admin/attributes/{key}",
			"PUT /api/v1/admin/attributes/{key}", "DELETE /api/v1/admin/attributes/{key}", "GET /api/v1/tokens",
			"POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}", "GET /api/v1/presence/{presentity}",
			"GET /api/v1/me/presence", "PUT /api/v1/me/presence", "GET /api/v1/me/presence/watchers",
			"POST /api/v1/me/presence/watchers/{watcher}/approve", "POST /api/v1/me/presence/watchers/{watcher}/deny",
			"GET /api/v1/me/presence/rules", "PUT /api/v1/me/presence/rules", "GET /api/v1/queues",
			"GET /api/v1/admin/queues", "POST /api/v1/admin/queues", "GET /api/v1/admin/queues/{key}",
			"PUT /api/v1/admin/queues/{key}", "DELETE /api/v1/admin/queues/{key}", "POST /api/v1/me/interactions",
			"GET /api/v1/me/interactions", "GET /api/v1/me/interactions/{id}", "POST /api/v1/me/interactions/{id}/leave",
			"GET /api/v1/me/interactions/{id}/messages", "POST /api/v1/me/interactions/{id}/messages",
			"POST /api/v1/me/interactions/{id}/read", "POST /api/v1/me/interactions/{id}/typing",
			"GET /api/v1/me/interactions/{id}/transcript", "GET /api/v1/agent/state", "PUT /api/v1/agent/state",
			"GET /api/v1/agent/offers", "POST /api/v1/agent/offers/{id}/accept", "POST /api/v1/agent/offers/{id}/reject",
			"GET /api/v1/agent/interactions", "GET /api/v1/agent/interactions/{id}",
			"GET /api/v1/agent/interactions/{id}/messages", "POST /api/v1/agent/interactions/{id}/messages",
			"POST /api/v1/agent/interactions/{id}/read", "POST /api/v1/agent/interactions/{id}/typing",
			"POST /api/v1/agent/interactions/{id}/transfer", "POST /api/v1/agent/interactions/{id}/end",
			"POST /api/v1/agent/interactions/{id}/wrap-up", "GET /api/v1/status", "GET /api/v1/status/queues/{key}",
			"GET /api/v1/admin/sign-in-locks", "DELETE /api/v1/admin/sign-in-locks");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	ApiClient api;

	JsonNode document;

	@BeforeEach
	void fetch() {
		api = new ApiClient(port);
		var response = api.get("/api/v1/openapi", null);
		assertThat(response.status()).isEqualTo(200);
		document = response.json();
		keepForPeople(response.body());
	}

	@Test
	void isValidOpenApi31ThatAClientGeneratorAccepts() {
		var body = api.get("/api/v1/openapi", null).body();
		var result = new OpenAPIV3Parser().readContents(body, null, new ParseOptions());
		assertThat(result.getMessages()).as("parser messages").isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
		assertThat(document.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
	}

	@Test
	void keepsEveryOperationOfVersionOne() {
		Set<String> documented = new TreeSet<>();
		eachOperation((key, operation) -> documented.add(key));
		assertThat(documented).containsExactlyInAnyOrderElementsOf(OPERATIONS);
	}

	@Test
	void everyOperationHasASummaryADescriptionAndDescribedParameters() {
		eachOperation((key, operation) -> {
			assertThat(operation.path("summary").asString("")).as(key + " summary").isNotBlank();
			assertThat(operation.path("description").asString("")).as(key + " description").contains("Who may call it");
			assertThat(operation.path("description").asString("").length()).as(key + " description").isGreaterThan(80);
			assertThat(operation.path("operationId").asString("")).as(key + " operationId").doesNotContain("_");
			for (JsonNode parameter : operation.path("parameters")) {
				assertThat(parameter.path("description").asString("")).as(key + " " + parameter.path("name"))
					.isNotBlank();
			}
		});
	}

	@Test
	void everyOperationDocumentsItsRefusalsAsProblemDetails() {
		eachOperation((key, operation) -> {
			var responses = operation.path("responses");
			boolean body = operation.has("requestBody");
			boolean open = isPublic(operation);
			List<String> refusals = new ArrayList<>();
			for (var entry : responses.properties()) {
				if (entry.getKey().startsWith("4")) {
					refusals.add(entry.getKey());
					var content = resolve(entry.getValue()).path("content").path("application/problem+json");
					assertThat(content.path("schema").path("$ref").asString("")).as(key + " " + entry.getKey())
						.isEqualTo("#/components/schemas/Problem");
					assertThat(content.path("examples").isEmpty()).as(key + " " + entry.getKey() + " example").isFalse();
				}
			}
			assertThat(refusals).as(key).isNotEmpty();
			if (!open) {
				assertThat(refusals).as(key).contains("401");
			}
			if (body) {
				assertThat(refusals).as(key).contains("400", "413", "415");
			}
			if (key.contains("{id}")) {
				assertThat(refusals).as(key).contains("404");
			}
		});
		var problem = document.at("/components/schemas/Problem/properties");
		assertThat(problem.has("errors") && problem.has("code") && problem.has("detail")).isTrue();
		assertThat(document.at("/components/schemas/FieldError/required").toString()).contains("field", "code",
				"message");
	}

	@Test
	void everyOperationHasExamplesAndEveryRequestBodyOne() {
		eachOperation((key, operation) -> {
			if (operation.has("requestBody")) {
				var json = operation.at("/requestBody/content/application~1json");
				assertThat(json.has("example") || !json.path("examples").isEmpty()).as(key + " request example").isTrue();
			}
			boolean success = false;
			for (var entry : operation.path("responses").properties()) {
				if (entry.getKey().startsWith("2") && entry.getValue().has("content")) {
					for (var media : entry.getValue().path("content").properties()) {
						var m = media.getValue();
						assertThat(m.has("example") || !m.path("examples").isEmpty())
							.as(key + " " + entry.getKey() + " " + media.getKey() + " example").isTrue();
					}
				}
				success |= entry.getKey().startsWith("2");
			}
			assertThat(success).as(key + " success answer").isTrue();
			for (JsonNode parameter : operation.path("parameters")) {
				if (parameter.path("in").asString("").equals("path")) {
					assertThat(parameter.has("example")).as(key + " " + parameter.path("name") + " example").isTrue();
				}
			}
		});
	}

	@Test
	void onlyRegistrationIsOpenAndEverythingElseTakesTheBearerToken() {
		assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(document.at("/security/0").has("bearer")).isTrue();
		List<String> open = new ArrayList<>();
		eachOperation((key, operation) -> {
			if (isPublic(operation)) {
				open.add(key);
			}
		});
		assertThat(open).containsExactly("POST /api/v1/registrations");
	}

	/**
	 * Every example of a request or success body has only fields its schema declares, at every depth: an
	 * example that drifted from the code, or a schema that another class of the same name replaced, shows.
	 */
	@Test
	void everyExampleHasOnlyTheFieldsOfItsSchema() {
		eachOperation((key, operation) -> {
			List<JsonNode> media = new ArrayList<>();
			operation.at("/requestBody/content").forEach(media::add);
			for (var entry : operation.path("responses").properties()) {
				if (entry.getKey().startsWith("2")) {
					entry.getValue().path("content").forEach(media::add);
				}
			}
			for (JsonNode m : media) {
				List<JsonNode> examples = new ArrayList<>();
				if (m.has("example")) {
					examples.add(m.get("example"));
				}
				m.path("examples").forEach(e -> examples.add(resolve(e).path("value")));
				for (JsonNode example : examples) {
					assertFits(key, "", example, m.path("schema"));
				}
			}
		});
	}

	/**
	 * Calls every operation without a token and with each role's token (harmless input: an empty body and
	 * ids that do not exist) and checks the documented 401 and 403, and the roles the document names
	 * ({@code x-roles}), against the answers.
	 */
	@Test
	void documentsExactlyTheRefusalsOfRoleTheApiGives() {
		Map<Role, String> tokenOf = new java.util.EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			tokenOf.put(role, AccountFixtures.withToken(identity, tokens, role).token());
		}
		eachOperation((key, operation) -> {
			String method = key.substring(0, key.indexOf(' '));
			String path = concrete(key.substring(key.indexOf(' ') + 1), operation);
			String body = operation.has("requestBody") ? "{}" : null;
			var responses = operation.path("responses");
			int anonymous = call(method, path, null, body);
			assertThat(anonymous == 401).as(key + " without token: " + anonymous).isEqualTo(responses.has("401"));
			if (isPublic(operation)) {
				return;
			}
			int refused = 0;
			Set<String> roles = new TreeSet<>();
			operation.path("x-roles").forEach(r -> roles.add(r.asString()));
			for (var entry : tokenOf.entrySet()) {
				int status = call(method, path, entry.getValue(), body);
				assertThat(status).as(key + " as " + entry.getKey()).isNotIn(401, 500);
				if (status == 403) {
					refused++;
					assertThat(responses.has("403")).as(key + " answers 403 to " + entry.getKey()).isTrue();
				}
				assertThat(status != 403).as(key + " as " + entry.getKey() + " (x-roles " + roles + "): " + status)
					.isEqualTo(roles.contains(entry.getKey().name()));
			}
			if (responses.has("403")) {
				assertThat(refused).as(key + " documents 403").isBetween(1, tokenOf.size() - 1);
			}
		});
	}

	private static Set<String> plus(Set<String> block, String... operations) {
		Set<String> all = new TreeSet<>(block);
		all.addAll(List.of(operations));
		return Set.copyOf(all);
	}

	/** Leaves the document in target/openapi.json to read or to feed a client generator. */
	private static void keepForPeople(String json) {
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json);
		}
		catch (java.io.IOException e) {
			// only a convenience
		}
	}

	private int call(String method, String path, String token, String body) {
		return (body == null ? api.send(method, path, token, null, "") : api.send(method, path, token,
				"application/json", body)).status();
	}

	/** The path with harmless values: a fresh UUID for a UUID, a name nothing has otherwise. */
	private static String concrete(String template, JsonNode operation) {
		String path = template;
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asString("").equals("path")) {
				String name = parameter.path("name").asString();
				boolean uuid = parameter.at("/schema/format").asString("").equals("uuid") || name.equals("id");
				path = path.replace("{" + name + "}", uuid ? UUID.randomUUID().toString() : "zz-no-such-" + name);
			}
		}
		return path;
	}

	private void eachOperation(BiConsumer<String, JsonNode> check) {
		for (var path : document.path("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				if (Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
					check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
				}
			}
		}
	}

	/** Whether {@code value} has only the fields {@code schema} declares, recursively; a schema without any is open. */
	private void assertFits(String key, String at, JsonNode value, JsonNode schema) {
		JsonNode s = resolve(schema);
		if (value.isArray() && s.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				assertFits(key, at + "[" + i + "]", value.get(i), s.get("items"));
			}
		}
		else if (value.isObject() && s.has("properties")) {
			for (var field : value.properties()) {
				assertThat(s.path("properties").has(field.getKey())).as(key + " example field " + at + "/"
						+ field.getKey() + " in schema " + schema.path("$ref").asString("")).isTrue();
				assertFits(key, at + "/" + field.getKey(), field.getValue(), s.path("properties").get(field.getKey()));
			}
		}
	}

	private JsonNode resolve(JsonNode response) {
		String ref = response.path("$ref").asString("");
		return ref.isEmpty() ? response : document.at(ref.substring(1));
	}

	private static boolean isPublic(JsonNode operation) {
		return operation.has("security") && operation.path("security").isEmpty();
	}
}
