package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.PageSession;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Text is text: a control character (C0, DEL, C1), a lone surrogate or a noncharacter such as U+FFFF in a text
 * field is refused with 400 naming the field (API) or a message on the field (pages), and nothing changes; tab
 * and line breaks pass only in multi-line fields (a rating's comment, a chat message). The strings go as JSON
 * escapes, which every JSON parser turns into the raw characters.
 */
@ParleyIntegrationTest
class TextFieldsTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	CustomerManagement customers;

	ApiClient api;
	AccountFixtures.SignedIn me;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
	}

	@Test
	void aNameWithAnyCharacterThatIsNotTextIsRefusedNamingTheFieldAndNothingChanges() {
		for (String bad : new String[] { "Ann\\u0000", "Ann\\u001b[31m", "Ann\\nLee", "Ann\\tLee", "Ann\\u007f",
				"Ann\\u0085", "Ann\\ud800", "Ann\\udc00x", "Ann\\uffff", "Ann\\ufffe" }) {
			var response = api.put("/api/v1/me/demographics", me.token(), """
					{"name": "%s", "preferredLanguage": "en", "locale": "en-GB", "timeZone": "Europe/London",
					 "version": 0}""".formatted(bad));
			assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("field")).as(bad).containsExactly("name");
			assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("characters");
			assertThat(response.json().get("errors").get(0).get("message").asString()).startsWith("must not contain");
		}
		assertThat(customers.profile(new CustomerId(me.id())).demographics().version()).isZero();
		var fine = api.put("/api/v1/me/demographics", me.token(), """
				{"name": "Zoë O'Brien \\ud83d\\ude00", "preferredLanguage": "en", "locale": "en-GB",
				 "timeZone": "Europe/London", "version": 0}""");
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
	}

	@Test
	void everySectionOfTheProfileNamesItsField() {
		var agenda = api.put("/api/v1/me/agenda", me.token(), """
				{"windows": [], "exceptions": [{"date": "2027-01-04", "kind": "BUSY", "note": "away\\u001b[2J"}],
				 "version": 0}""");
		assertRefused(agenda, "exceptions[0].note");
		var interests = api.put("/api/v1/me/interests", me.token(), """
				{"interests": [{"topic": "golf\\tclubs", "level": "LOW"}], "contactConsent": false, "version": 0}""");
		assertRefused(interests, "interests[0].topic");
		var capabilities = api.put("/api/v1/me/capabilities", me.token(), """
				{"capabilities": [{"kind": "EMAIL", "address": "ann\\u0000@example.com", "enabled": true}],
				 "version": 0}""");
		assertRefused(capabilities, "capabilities[0].address");
		var profile = customers.profile(new CustomerId(me.id()));
		assertThat(profile.agenda().version()).isZero();
		assertThat(profile.interests().version()).isZero();
		assertThat(profile.capabilities().version()).isZero();
	}

	@Test
	void registrationTokensPresenceAndContactsRefuseItToo() {
		String username = AccountFixtures.uniqueName("ctl");
		var registration = api.post("/api/v1/registrations", null, """
				{"username": "%s", "displayName": "Eve\\u0000", "email": "%s@example.org", "password": "%s"}"""
			.formatted(username, username, AccountFixtures.PASSWORD));
		assertRefused(registration, "displayName");
		assertThat(identity.credentials(username)).isEmpty();

		assertRefused(api.post("/api/v1/tokens", me.token(), "{\"name\": \"laptop\\u0007\"}"), "name");
		assertRefused(api.put("/api/v1/me/presence", me.token(),
				"{\"status\": \"open\", \"activities\": [], \"note\": \"Back at two\\u0000\"}"), "note");
		var contact = api.post("/api/v1/me/interactions", me.token(),
				"{\"medium\": \"chat\", \"topic\": \"help\\u001b[31m\"}");
		assertThat(contact.status()).as(contact.body()).isEqualTo(400);
		assertThat(contact.json().get("errors").findValuesAsString("field")).contains("topic");
	}

	@Test
	void aPageFormNamesTheFieldAndSavesNothing() {
		var page = PageSession.signedIn(port, me.username());
		var answer = page.post("/customer/profile/demographics", "name", "Ann\u0007Lee", "preferredLanguage", "en",
				"locale", "en-GB", "timeZone", "Europe/London", "version", "0");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).containsPattern("id=\"d-name\"[^>]*aria-invalid=\"true\"")
			.contains("must not contain a control character");
		assertThat(customers.profile(new CustomerId(me.id())).demographics().version()).isZero();

		var anonymous = PageSession.anonymous(port);
		String username = AccountFixtures.uniqueName("pagectl");
		var registered = anonymous.postFrom("/register", "/register", "username", username, "displayName", "Eve\u001b[31m", "email",
				username + "@example.org", "password", AccountFixtures.PASSWORD);
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.body()).contains("must not contain a control character");
		assertThat(identity.credentials(username)).isEmpty();
	}

	private static void assertRefused(ApiClient.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).containsExactly(field);
	}
}
