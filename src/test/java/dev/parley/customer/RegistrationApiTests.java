package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.common.CustomerId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

@ParleyIntegrationTest
class RegistrationApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void opensTheAccountAndTheProfileWithoutSigningIn() {
		var body = body();
		var response = api.post("/api/v1/registrations", null, ApiClient.json(body));

		assertThat(response.status()).isEqualTo(201);
		var account = identity.credentials(body.get("username")).orElseThrow().account();
		assertThat(account.role()).isEqualTo(Role.CUSTOMER);
		assertThat(response.json().get("id").asString()).isEqualTo(account.id().toString());
		var profile = customers.profile(new CustomerId(account.id().value()));
		assertThat(profile.demographics().timeZone()).isEqualTo("Asia/Tokyo");
		assertThat(profile.demographics().name()).isEqualTo("Rita Registrant");
		assertThat(profile.capabilities().capabilities()).extracting(Capability::address).containsExactly(body.get("email"));
	}

	@Test
	void theNewCustomerFindsTheirAccountWhateverTheCaseTheyTypeLater() {
		var body = body();
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(body)).status()).isEqualTo(201);
		var upper = body.get("username").toUpperCase(java.util.Locale.ROOT);
		assertThat(identity.credentials(upper)).map(c -> c.account().username()).contains(body.get("username"));
	}

	@Test
	void defaultsTheTimeZoneToUtc() {
		var body = body();
		body.remove("timeZone");
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(body)).status()).isEqualTo(201);
		var account = identity.credentials(body.get("username")).orElseThrow().account();
		assertThat(customers.timeZone(new CustomerId(account.id().value())).getId()).isEqualTo("UTC");
	}

	@Test
	void refusesATakenUsernameWith409AndCreatesNothing() {
		var taken = AccountFixtures.account(identity, Role.AGENT);
		var body = body();
		body.put("username", taken.username().toUpperCase(java.util.Locale.ROOT)); // usernames are case-blind
		long before = customerCount();
		var response = api.post("/api/v1/registrations", null, ApiClient.json(body));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("code").asString()).isEqualTo("username-taken");
		assertThat(customerCount()).isEqualTo(before);
	}

	@Test
	void refusesEachInvalidFieldNamingItAndCreatesNothing() {
		refuses("username", "a b");
		refuses("username", "");
		refuses("displayName", " ");
		refuses("email", "not-an-email");
		refuses("email", "");
		refuses("password", "short");
		refuses("timeZone", "Atlantis/Capital");
	}

	@Test
	void refusesCommonPasswordsAndOnesContainingTheUsernameButNoCompositionRule() {
		for (String common : new String[] { "password1", "Qwertyuiop", "iloveyou2", "aaaaaaaaaa", "123456789", "abcdefghij" }) {
			var body = body();
			body.put("password", common);
			var response = api.post("/api/v1/registrations", null, ApiClient.json(body));
			assertThat(response.status()).as(common).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("code")).as(common).containsExactly("common");
			assertThat(identity.credentials(body.get("username"))).as(common).isEmpty();
		}
		var body = body();
		body.put("password", "my-" + body.get("username").toUpperCase(java.util.Locale.ROOT) + "-pass");
		var response = api.post("/api/v1/registrations", null, ApiClient.json(body));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("code")).containsExactly("contains-username");

		var plain = body();
		plain.put("password", "all lower case words only");
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(plain)).status()).isEqualTo(201);
	}

	@Test
	void refusesASecondAccountWithTheSameEmailSayingHowToGetBackIn() {
		var first = body();
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(first)).status()).isEqualTo(201);
		var second = body();
		second.put("email", first.get("email").toUpperCase(java.util.Locale.ROOT));
		long before = customerCount();
		var response = api.post("/api/v1/registrations", null, ApiClient.json(second));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("email-taken");
		assertThat(response.json().get("detail").asString()).contains("sign in to it").contains("contact us");
		assertThat(customerCount()).isEqualTo(before);
		assertThat(identity.credentials(second.get("username"))).isEmpty();
	}

	@Test
	void aWidgetVisitorsUnverifiedEmailDoesNotBlockRegisteringWithIt() {
		var body = body();
		customers.openVisitorRecord(new Registration("visitor-" + body.get("username"), "Visitor", body.get("email"),
				"a-long-random-visitor-secret", null));
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(body)).status()).isEqualTo(201);
		var again = body();
		again.put("email", body.get("email"));
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(again)).status()).isEqualTo(409);
	}

	@Test
	void namesEveryInvalidFieldAtOnce() {
		var body = new LinkedHashMap<String, String>();
		body.put("username", "x");
		body.put("timeZone", "Nowhere/Else");
		var response = api.post("/api/v1/registrations", null, ApiClient.json(body));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field"))
			.contains("username", "password", "displayName", "email", "timeZone");
	}

	@Test
	void refusesMalformedJson() {
		long before = customerCount();
		var response = api.post("/api/v1/registrations", null, "{\"username\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("title").asString()).isEqualTo("Malformed request body");
		assertThat(customerCount()).isEqualTo(before);
	}

	void refuses(String field, String value) {
		var body = body();
		body.put(field, value);
		long before = customerCount();
		var response = api.post("/api/v1/registrations", null, ApiClient.json(body));
		assertThat(response.status()).as(field).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
		assertThat(customerCount()).as("nothing created for " + field).isEqualTo(before);
		if (!"username".equals(field)) {
			assertThat(identity.credentials(body.get("username"))).as("no account for " + field).isEmpty();
		}
	}

	long customerCount() {
		return jdbc.sql("SELECT COUNT(*) FROM customers").query(Long.class).single();
	}

	static Map<String, String> body() {
		String username = AccountFixtures.uniqueName("rita");
		var body = new LinkedHashMap<String, String>();
		body.put("username", username);
		body.put("displayName", "Rita Registrant");
		body.put("email", username + "@example.org");
		body.put("password", AccountFixtures.PASSWORD);
		body.put("timeZone", "Asia/Tokyo");
		return body;
	}
}
