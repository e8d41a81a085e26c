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
	void everyMappingIsFoundAsSpringFindsIt() throws Exception {
		PrefixFiltered lookup = (PrefixFiltered) mappings;
		int found = 0;
		int compared = 0;
		for (var m : lookup.getHandlerMethods().entrySet()) {
			var info = m.getKey();
			var methods = info.getMethodsCondition().getMethods().isEmpty() ? java.util.Set.of(
					org.springframework.web.bind.annotation.RequestMethod.GET) : info.getMethodsCondition().getMethods();
			for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
				String path = pattern.replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "x1")
					.replace("**", "a/b").replace("*", "a").replace("?", "a");
				for (var method : methods) {
					var fast = answer(() -> lookup.lookupHandlerMethod(path, request(method.name(), path)));
					var spring = answer(() -> lookup.springsLookup(path, request(method.name(), path)));
					assertThat(fast).as("%s %s", method, path).isEqualTo(spring);
					compared++;
					if (fast instanceof java.lang.reflect.Method) {
						found++;
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(150);
		assertThat(found).as("most sample requests reach a controller").isGreaterThan(compared / 2);
	}

	private static org.springframework.mock.web.MockHttpServletRequest request(String method, String path) {
		var r = new org.springframework.mock.web.MockHttpServletRequest(method, path);
		r.setContentType("application/json");
		r.addHeader("Accept", "*/*");
		org.springframework.web.util.ServletRequestPathUtils.parseAndCache(r);
		return r;
	}

	/** The handler's Java method, or the kind of exception (a 405 or 415 to be). */
	private static Object answer(java.util.concurrent.Callable<org.springframework.web.method.HandlerMethod> lookup) {
		try {
			var h = lookup.call();
			return h == null ? "none" : h.getMethod();
		}
		catch (Exception e) {
			return e.getClass().getSimpleName();
		}
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
		assertThat(PrefixFiltered.couldMatch(null, "/anything")).as("a mapping that could match any path").isTrue();
	}

	@Test
	void aLiteralStartIsFiledUnderItsFolder() {
		assertThat(PrefixFiltered.folder("/api/v1/agent/interactions/")).isEqualTo("/api/v1/agent/interactions/");
		assertThat(PrefixFiltered.folder("/api/v1/status")).isEqualTo("/api/v1/");
		assertThat(PrefixFiltered.folder("/img/logo")).isEqualTo("/img/");
		assertThat(PrefixFiltered.folder("/login")).isEqualTo("/");
	}
}
