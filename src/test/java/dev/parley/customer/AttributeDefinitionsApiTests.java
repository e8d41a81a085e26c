package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ParleyIntegrationTest
class AttributeDefinitionsApiTests {

	static final String BASE = "/api/v1/admin/attributes";

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AuditLog audit;

	ApiClient api;

	String admin;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN).token();
	}

	@Test
	void createsListsUpdatesAndDeletesADefinitionWithAnAuditTrail() {
		String key = CustomerProfileInvalidInputApiTests.key();
		var created = api.post(BASE, admin, choice(key).toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("options")).hasSize(2);
		assertThat(api.get(BASE, admin).json().findValuesAsString("key")).contains(key);

		var changed = choice(key).put("label", "Tier").put("required", false);
		changed.putArray("options").add("gold").add("silver").add("bronze");
		var updated = api.put(BASE + "/" + key, admin, changed.toString());
		assertThat(updated.status()).isEqualTo(200);
		assertThat(api.get(BASE + "/" + key, admin).json().get("options")).hasSize(3);

		assertThat(api.delete(BASE + "/" + key, admin).status()).isEqualTo(204);
		assertThat(api.get(BASE + "/" + key, admin).status()).isEqualTo(404);
		assertThat(audit.ofEntity("attribute-definition", key)).extracting(e -> e.action())
			.containsExactlyInAnyOrder("create", "update", "delete");
	}

	@Test
	void showsTheDefinitionsToCustomers() {
		String key = CustomerProfileInvalidInputApiTests.key();
		api.post(BASE, admin, choice(key).toString());
		var me = CustomerFixtures.registered(customers, tokens);
		try {
			assertThat(api.get("/api/v1/me/attributes/definitions", me.token()).json().findValuesAsString("key"))
				.contains(key);
			assertThat(api.get("/api/v1/me/profile", me.token()).json().get("attributeDefinitions")
				.findValuesAsString("key")).contains(key);
		}
		finally {
			api.delete(BASE + "/" + key, admin);
		}
	}

	@Test
	void refusesEachInvalidFieldAndChangesNothing() {
		rejects(d -> d.put("key", "Bad-Key"), "key");
		rejects(d -> d.put("key", "x"), "key");
		rejects(d -> d.put("label", " "), "label");
		rejects(d -> d.put("label", "l".repeat(81)), "label");
		rejects(d -> d.remove("type"), "type");
		rejects(d -> d.put("type", "COLOUR"), "type");
		rejects(d -> d.putArray("options"), "options");
		rejects(d -> d.put("maxLength", 0), "maxLength");
		rejects(d -> d.put("required", "perhaps"), "required");
	}

	@Test
	void refusesADuplicateKeyAndUnknownKeys() {
		String key = CustomerProfileInvalidInputApiTests.key();
		assertThat(api.post(BASE, admin, choice(key).toString()).status()).isEqualTo(201);
		assertThat(api.post(BASE, admin, choice(key).toString()).status()).isEqualTo(409);
		api.delete(BASE + "/" + key, admin);
		assertThat(api.put(BASE + "/no_such_key", admin, choice("no_such_key").toString()).status()).isEqualTo(404);
		assertThat(api.delete(BASE + "/no_such_key", admin).status()).isEqualTo(404);
		assertThat(api.get(BASE + "/no_such_key", admin).status()).isEqualTo(404);
	}

	@Test
	void refusesMalformedJsonAndEveryoneButAdministrators() {
		var malformed = api.post(BASE, admin, "{\"key\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");
		for (Role role : new Role[] { Role.CUSTOMER, Role.AGENT, Role.SUPERVISOR }) {
			String token = AccountFixtures.withToken(identity, tokens, role).token();
			assertThat(api.get(BASE, token).status()).as(role.name()).isEqualTo(403);
			assertThat(api.post(BASE, token, choice("some_key").toString()).status()).isEqualTo(403);
			assertThat(api.put(BASE + "/some_key", token, "{}").status()).isEqualTo(403);
			assertThat(api.delete(BASE + "/some_key", token).status()).isEqualTo(403);
		}
	}

	void rejects(Consumer<ObjectNode> change, String field) {
		JsonNode before = api.get(BASE, admin).json();
		var body = choice(CustomerProfileInvalidInputApiTests.key());
		change.accept(body);
		var response = api.post(BASE, admin, body.toString());
		assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		assertThat(api.get(BASE, admin).json()).isEqualTo(before);
	}

	static ObjectNode choice(String key) {
		var node = JsonMapper.builder().build().createObjectNode().put("key", key).put("label", "Loyalty tier")
			.put("type", "CHOICE").put("required", false);
		node.putArray("options").add("gold").add("silver");
		return node;
	}
}
