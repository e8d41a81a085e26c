package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@ParleyIntegrationTest
class CustomerProfileApiTests {

	static final String[] SECTIONS = { "demographics", "capabilities", "agenda", "interests" };

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	ApiClient api;

	CustomerFixtures.Customer me;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		me = CustomerFixtures.registered(customers, tokens);
	}

	@Test
	void showsAllFourSectionsWithTheirVersionsAndTheRegistrationData() {
		var profile = profile();
		assertThat(profile.get("id").asString()).isEqualTo(me.id().toString());
		assertThat(profile.get("demographics").get("timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(profile.get("capabilities").get("preferredMedium").asString()).isEqualTo("EMAIL");
		assertThat(profile.get("capabilities").get("capabilities").get(0).get("address").asString())
			.isEqualTo(me.username() + "@example.com");
		for (String section : SECTIONS) {
			assertThat(profile.get(section).get("version").asLong()).as(section).isZero();
		}
		assertThat(profile.get("attributeDefinitions").isArray()).isTrue();
	}

	@Test
	void savesDemographicsAndRenamesTheAccount() {
		var saved = put("demographics", s -> s.put("name", "Cora Neu").put("preferredLanguage", "pt-BR")
			.put("locale", "en-GB").put("timeZone", "America/Sao_Paulo").put("country", "br").put("birthYear", 1980));
		assertThat(saved.status()).isEqualTo(200);
		var d = profile().get("demographics");
		assertThat(d.get("name").asString()).isEqualTo("Cora Neu");
		assertThat(d.get("preferredLanguage").asString()).isEqualTo("pt-BR");
		assertThat(d.get("country").asString()).isEqualTo("BR");
		assertThat(d.get("birthYear").asInt()).isEqualTo(1980);
		assertThat(d.get("version").asLong()).isEqualTo(1);
		assertThat(identity.get(new AccountId(me.id().value())).displayName()).isEqualTo("Cora Neu");
		assertThat(customers.timeZone(me.id()).getId()).isEqualTo("America/Sao_Paulo");
	}

	@Test
	void storesAPhoneNumberWrittenWithItsTrunkPrefixInTrueE164() {
		var saved = put("capabilities", s -> {
			s.putArray("capabilities").addObject().put("kind", "PHONE").put("address", "+44 (0) 7700-900123")
				.put("enabled", true);
			s.put("preferredMedium", "VOICE");
		});
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(profile().get("capabilities").get("capabilities").get(0).get("address").asString())
			.isEqualTo("+447700900123");
	}

	@Test
	void savesCapabilitiesNormalizingPhoneNumbers() {
		var saved = put("capabilities", s -> {
			var list = s.putArray("capabilities");
			list.addObject().put("kind", "PHONE").put("address", "+41 44-668 18 00").put("enabled", true);
			list.addObject().put("kind", "SIP").put("address", "sip:cora@example.com").put("enabled", true);
			list.addObject().put("kind", "CHAT").put("enabled", false);
			s.put("preferredMedium", "VOICE");
		});
		assertThat(saved.status()).isEqualTo(200);
		var c = profile().get("capabilities");
		assertThat(c.get("capabilities").get(0).get("address").asString()).isEqualTo("+41446681800");
		assertThat(c.get("capabilities")).hasSize(3);
		assertThat(c.get("preferredMedium").asString()).isEqualTo("VOICE");
		assertThat(c.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void savesTheAgenda() {
		var saved = put("agenda", s -> {
			s.putArray("windows").addObject().put("dayOfWeek", "MONDAY").put("start", "09:00").put("end", "12:30");
			s.putArray("exceptions").addObject().put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(2).toString()).put("kind", "BUSY").put("note", "holiday");
		});
		assertThat(saved.status()).isEqualTo(200);
		var a = profile().get("agenda");
		assertThat(a.get("windows").get(0).get("end").asString()).startsWith("12:30");
		assertThat(a.get("exceptions").get(0).get("note").asString()).isEqualTo("holiday");
		assertThat(a.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void savesInterestsAndRecordsWhenConsentWasGiven() {
		var saved = put("interests", s -> {
			s.putArray("interests").addObject().put("topic", "fibre internet").put("level", "HIGH");
			s.put("contactConsent", true);
		});
		assertThat(saved.status()).isEqualTo(200);
		var i = profile().get("interests");
		assertThat(i.get("interests").get(0).get("topic").asString()).isEqualTo("fibre internet");
		assertThat(i.get("contactConsent").asBoolean()).isTrue();
		assertThat(i.get("consentGivenAt")).isNotNull();

		put("interests", s -> s.put("contactConsent", false));
		assertThat(profile().get("interests").get("consentGivenAt")).isNull();
	}

	@Test
	void refusesAStaleVersionOfEverySectionWith409() {
		for (String section : SECTIONS) {
			assertThat(put(section, s -> {
			}).status()).as(section).isEqualTo(200);
			var before = profile();
			var stale = (ObjectNode) before.get(section).deepCopy();
			stale.put("version", 0);
			var response = api.put("/api/v1/me/" + section, me.token(), stale.toString());
			assertThat(response.status()).as(section).isEqualTo(409);
			assertThat(response.json().get("code").asString()).isEqualTo("stale");
			assertThat(profile()).isEqualTo(before);
		}
	}

	@Test
	void refusesMalformedJsonAndAMissingVersionOnEverySection() {
		for (String section : SECTIONS) {
			var before = profile();
			var malformed = api.put("/api/v1/me/" + section, me.token(), "{\"version\":");
			assertThat(malformed.status()).as(section).isEqualTo(400);
			assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");
			ProfileAssertions.rejects(api, me.token(), section, s -> s.remove("version"), "version");
			assertThat(profile()).isEqualTo(before);
		}
	}

	@Test
	void refusesStaffAndStrangersOnEveryMeEndpoint() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN);
		for (String token : new String[] { agent.token(), admin.token() }) {
			assertThat(api.get("/api/v1/me/profile", token).status()).isEqualTo(403);
			assertThat(api.get("/api/v1/me/attributes/definitions", token).status()).isEqualTo(403);
			for (String section : SECTIONS) {
				assertThat(api.put("/api/v1/me/" + section, token, "{}").status()).isEqualTo(403);
			}
		}
		assertThat(api.get("/api/v1/me/profile", null).status()).isEqualTo(401);
		assertThat(api.put("/api/v1/me/demographics", null, "{}").status()).isEqualTo(401);
	}

	@Test
	void changesOnlyTheCallersOwnProfile() {
		var other = CustomerFixtures.registered(customers, tokens);
		var othersBefore = api.get("/api/v1/me/profile", other.token()).json();
		put("demographics", s -> s.put("name", "Only Me"));
		put("interests", s -> s.putArray("interests").addObject().put("topic", "mine").put("level", "LOW"));
		assertThat(api.get("/api/v1/me/profile", other.token()).json()).isEqualTo(othersBefore);
		assertThat(profile().get("id")).isNotEqualTo(othersBefore.get("id"));
	}

	@Test
	void givesACustomerAccountWithoutProfileTheDefaultsAndLetsItSave() {
		var bare = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var profile = api.get("/api/v1/me/profile", bare.token()).json();
		assertThat(profile.get("demographics").get("timeZone").asString()).isEqualTo("UTC");
		var section = (ObjectNode) profile.get("agenda").deepCopy();
		section.putArray("windows").addObject().put("dayOfWeek", "FRIDAY").put("start", "08:00").put("end", "10:00");
		assertThat(api.put("/api/v1/me/agenda", bare.token(), section.toString()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me/profile", bare.token()).json().get("agenda").get("version").asLong()).isEqualTo(1);
	}

	JsonNode profile() {
		var response = api.get("/api/v1/me/profile", me.token());
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	ApiClient.Response put(String section, Consumer<ObjectNode> change) {
		var body = (ObjectNode) profile().get(section).deepCopy();
		change.accept(body);
		var response = api.put("/api/v1/me/" + section, me.token(), body.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}
}
