package dev.parley.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.common.Medium;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

@ParleyIntegrationTest
class AgentGroupsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgentManagement agents;

	@Autowired
	AuditLog audit;

	ApiClient api;
	AccountFixtures.SignedIn admin;
	String key;

	@BeforeEach
	void data() {
		api = new ApiClient(port);
		admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN);
		key = AccountFixtures.uniqueName("g").toLowerCase();
		agents.createGroup(new NewGroup(key, "Care " + key, "We help", Set.of(Medium.CHAT, Medium.VOICE),
				"Europe/Berlin", List.of(new HoursEntry("MONDAY", "09:00", "17:00")), List.of()), admin.account().id());
	}

	String path() {
		return "/api/v1/admin/agent-groups/" + key + "/opening-hours";
	}

	static String hoursBody(String zone, long version, Map<?, ?>... hours) {
		return ApiClient.json(Map.of("timeZone", zone, "hours", List.of(hours),
				"closures", List.of(Map.of("date", "2026-12-25", "note", "Christmas")), "version", version));
	}

	@Test
	void anySignedInRoleListsGroupsWithHoursAndOpenNow() {
		for (Role role : Role.values()) {
			var user = AccountFixtures.withToken(identity, tokens, role);
			var response = api.get("/api/v1/agent-groups", user.token());
			assertThat(response.status()).isEqualTo(200);
			var group = response.json().valueStream().filter(g -> g.get("key").asString().equals(key)).findFirst()
				.orElseThrow();
			assertThat(group.get("timeZone").asString()).isEqualTo("Europe/Berlin");
			assertThat(group.get("media").valueStream().map(m -> m.asString())).containsExactly("CHAT", "VOICE");
			assertThat(group.get("hours").get(0).get("dayOfWeek").asString()).isEqualTo("MONDAY");
			assertThat(group.get("openNow").isBoolean()).isTrue();
		}
		assertThat(api.get("/api/v1/agent-groups", null).status()).isEqualTo(401);
	}

	@Test
	void adminSetsOpeningHoursAndEachChangeIsAudited() {
		var response = api.put(path(), admin.token(), hoursBody("America/New_York", 0,
				Map.of("dayOfWeek", "TUESDAY", "open", "08:00", "close", "12:00"),
				Map.of("dayOfWeek", "TUESDAY", "open", "13:00", "close", "18:00")));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("version").asLong()).isEqualTo(1);
		assertThat(response.json().get("hours")).hasSize(2);
		assertThat(response.json().get("closures").get(0).get("note").asString()).isEqualTo("Christmas");

		var entries = audit.ofEntity("group", key).stream().filter(e -> e.action().equals("opening-hours")).toList();
		assertThat(entries).extracting(e -> e.field()).containsExactlyInAnyOrder("timeZone", "hours", "closures");
		var hours = entries.stream().filter(e -> e.field().equals("hours")).findFirst().orElseThrow();
		assertThat(hours.oldValue()).isEqualTo("MON 09:00-17:00");
		assertThat(hours.newValue()).isEqualTo("TUE 08:00-12:00, TUE 13:00-18:00");

		var staff = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		assertThat(api.get("/api/v1/audit", staff.token()).json().get("items").findValuesAsString("entityId"))
			.contains(key);
	}

	@Test
	void refusesBadHoursNamingTheFieldAndChangesNothing() {
		var response = api.put(path(), admin.token(), hoursBody("Nowhere/Else", 0,
				Map.of("dayOfWeek", "MONDAY", "open", "10:00", "close", "09:00"),
				Map.of("dayOfWeek", "MONDAY", "open", "nine", "close", "17:00")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("timeZone",
				"hours[0].close", "hours[1].open");
		var overlap = api.put(path(), admin.token(), hoursBody("UTC", 0,
				Map.of("dayOfWeek", "MONDAY", "open", "09:00", "close", "12:00"),
				Map.of("dayOfWeek", "MONDAY", "open", "11:00", "close", "13:00")));
		assertThat(overlap.json().get("errors").findValuesAsString("field")).containsExactly("hours[1].open");
		var noVersion = api.put(path(), admin.token(), "{\"timeZone\":\"UTC\"}");
		assertThat(noVersion.json().get("errors").findValuesAsString("field")).containsExactly("version");
		var group = agents.group(key);
		assertThat(group.version()).isZero();
		assertThat(group.schedule().zone().getId()).isEqualTo("Europe/Berlin");
	}

	@Test
	void refusesAStaleVersionUnknownGroupAndMalformedJson() {
		agents.setOpeningHours(key, "UTC", List.of(), List.of(), 0L, admin.account().id());
		var stale = api.put(path(), admin.token(), hoursBody("UTC", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asString()).isEqualTo("stale");

		var unknown = api.put("/api/v1/admin/agent-groups/no-such-group/opening-hours", admin.token(),
				hoursBody("UTC", 0));
		assertThat(unknown.status()).isEqualTo(404);

		var malformed = api.put(path(), admin.token(), "{\"timeZone\": \"UTC\"");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");
		var wrongType = api.put(path(), admin.token(), "{\"timeZone\": [");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("errors").findValuesAsString("field")).containsExactly("timeZone");
		assertThat(agents.group(key).version()).isEqualTo(1);
	}

	@Test
	void adminEndpointsAreForbiddenToOtherRoles() {
		for (Role role : new Role[] { Role.CUSTOMER, Role.AGENT, Role.SUPERVISOR }) {
			var user = AccountFixtures.withToken(identity, tokens, role);
			assertThat(api.get("/api/v1/admin/agent-groups", user.token()).status()).isEqualTo(403);
			assertThat(api.put(path(), user.token(), hoursBody("UTC", 0)).status()).isEqualTo(403);
			assertThat(api.post("/api/v1/admin/agents", user.token(), "{}").status()).isEqualTo(403);
		}
		assertThat(agents.group(key).version()).isZero();
		assertThat(api.get("/api/v1/admin/agent-groups", admin.token()).status()).isEqualTo(200);
	}

	@Test
	void hiresAnAgentWithAnAgentAccountOrNothingAtAll() {
		String username = AccountFixtures.uniqueName("agent");
		var hired = api.post("/api/v1/admin/agents", admin.token(), ApiClient.json(Map.of("username", username,
				"password", "long-enough-pw", "displayName", "Ana Lima", "groupKey", key, "media", List.of("CHAT"),
				"skills", List.of(Map.of("key", "billing", "level", 4), Map.of("key", "lang:de", "level", 5)))));
		assertThat(hired.status()).as(hired.body()).isEqualTo(201);
		assertThat(hired.json().get("displayName").asString()).isEqualTo("Ana Lima");
		assertThat(identity.credentials(username).orElseThrow().account().role()).isEqualTo(Role.AGENT);

		String other = AccountFixtures.uniqueName("agent");
		var bad = api.post("/api/v1/admin/agents", admin.token(), ApiClient.json(Map.of("username", other,
				"password", "long-enough-pw", "displayName", "Ben", "groupKey", "nope", "media", List.of(),
				"skills", List.of(Map.of("key", "Bad Key", "level", 9)))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("groupKey", "media",
				"skills[0].key", "skills[0].level");
		var badAccount = api.post("/api/v1/admin/agents", admin.token(), ApiClient.json(Map.of("username", other,
				"password", "short", "displayName", "Ben", "groupKey", key, "media", List.of("VOICE"))));
		assertThat(badAccount.json().get("errors").findValuesAsString("field")).containsExactly("password");
		assertThat(identity.credentials(other)).isEmpty();
		assertThat(agents.agents(key)).extracting(Agent::displayName).containsExactly("Ana Lima");
	}
}
