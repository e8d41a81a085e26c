package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.parley.HandlerLookup.PrefixFiltered;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The handler lookup's shortcut rules a mapping out only when none of its patterns can match the path: the literal
 * start of a pattern ends at its first variable or wildcard, and a pattern that could match anything is never ruled
 * out. (That requests still reach the same controllers, with the same 404, 405 and 415 answers, is what every API and
 * page test of the suite checks.)
 */
@ParleyIntegrationTest
class HandlerLookupTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Test
	void theApplicationLooksUpWithTheShortcutAndAnswersAsBefore() {
		assertThat(mappings).isInstanceOf(PrefixFiltered.class);
		var api = new ApiClient(port);
		String token = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		String id = "/api/v1/me/interactions/6f1c2a52-3f0e-4c55-9d7e-0d6f7a1b2c3d";
		var unknown = api.get(id, token);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).as("a variable path still reaches its controller").contains("interaction");
		var wrongMethod = api.delete(id + "/messages", token);
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.raw().headers().firstValue("Allow").orElse("")).contains("GET", "POST");
		assertThat(api.get("/api/v1/nothing-here/x", token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/me/interactions/%36f1c2a52-3f0e-4c55-9d7e-0d6f7a1b2c3d", token).status())
			.as("an escaped path is looked up the old way").isEqualTo(404);
	}

	@Test
	void theLiteralStartEndsAtTheFirstVariableOrWildcard() {
		assertThat(PrefixFiltered.literalStart("/api/v1/agent/interactions/{id}/messages"))
			.isEqualTo("/api/v1/agent/interactions/");
		assertThat(PrefixFiltered.literalStart("/css/**")).isEqualTo("/css/");
		assertThat(PrefixFiltered.literalStart("/img/logo?.png")).isEqualTo("/img/logo");
		assertThat(PrefixFiltered.literalStart("/api/v1/status")).isEqualTo("/api/v1/status");
		assertThat(PrefixFiltered.literalStart("/{*rest}")).isEqualTo("/");
	}

	@Test
	void aMappingIsRuledOutOnlyWhenNoPatternCanMatch() {
		String[] chat = { "/api/v1/agent/interactions/", "/api/v1/me/interactions/" };
		assertThat(PrefixFiltered.couldMatch(chat, "/api/v1/me/interactions/abc/messages")).isTrue();
		assertThat(PrefixFiltered.couldMatch(chat, "/api/v1/agent/offers/abc/accept")).isFalse();
		assertThat(PrefixFiltered.couldMatch(new String[0], "/anything")).as("an empty list is not ANY").isFalse();
	}
}
