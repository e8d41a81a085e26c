package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.internal.TokenStore;
import dev.parley.identity.internal.TokenUses;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

@ParleyIntegrationTest
class TokensApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	TokenUses uses;

	@Autowired
	TokenStore store;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void refusesRequestsWithoutOrWithUnknownToken() {
		var none = api.get("/api/v1/tokens", null);
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).contains("application/problem+json");
		assertThat(api.get("/api/v1/tokens", "pk_not-a-real-token").status()).isEqualTo(401);
	}

	@Test
	void createsListsAndRevokesOwnTokens() {
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var created = api.post("/api/v1/tokens", me.token(), ApiClient.json(Map.of("name", "laptop script")));
		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("secret").asString();
		String id = created.json().get("token").get("id").asString();

		assertThat(api.get("/api/v1/tokens", secret).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/tokens", me.token()).json().findValuesAsString("name"))
			.contains("laptop script", "test");
		assertThat(uses.flush()).as("uses are written in a batch off the request path").isPositive();
		var used = tokens.list(me.account().id()).stream().filter(t -> t.name().equals("laptop script")).findFirst()
			.orElseThrow();
		assertThat(used.lastUsedAt()).as("its first use is written (then at most once a minute)").isNotNull();
		assertThat(api.get("/api/v1/tokens", secret).status()).isEqualTo(200);
		uses.flush();
		assertThat(tokens.list(me.account().id()).stream().filter(t -> t.name().equals("laptop script")).findFirst()
			.orElseThrow().lastUsedAt()).as("a use within the minute writes nothing").isEqualTo(used.lastUsedAt());

		assertThat(api.delete("/api/v1/tokens/" + id, me.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/tokens", secret).status()).isEqualTo(401);
	}

	@Test
	void cannotRevokeSomeoneElsesTokenNorLearnItExists() {
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var other = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		String othersId = tokens.list(other.account().id()).get(0).id().toString();

		var attempt = api.delete("/api/v1/tokens/" + othersId, me.token());
		var unknown = api.delete("/api/v1/tokens/" + java.util.UUID.randomUUID(), me.token());
		assertThat(attempt.status()).isEqualTo(404);
		assertThat(attempt.json().get("detail")).isEqualTo(unknown.json().get("detail"));
		assertThat(api.get("/api/v1/tokens", other.token()).status()).isEqualTo(200);
	}

	@Test
	void rejectsBlankNameAndMalformedJsonNamingTheField() {
		var me = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var blank = api.post("/api/v1/tokens", me.token(), "{\"name\":\"  \"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

		var malformed = api.post("/api/v1/tokens", me.token(), "{\"name\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");
		assertThat(tokens.list(me.account().id())).hasSize(1);
	}

	@Test
	void aTokensLastUseOnlyMovesForwardAndIsWrittenWhenParleyStops() {
		var me = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		String hash = TokenManagement.hash(me.token());
		Instant later = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
		uses.note(hash, later);
		uses.stop(); // as when Parley shuts down: what is noted is written
		try {
			assertThat(tokens.list(me.account().id()).get(0).lastUsedAt()).isEqualTo(later);
		}
		finally {
			uses.start();
		}
		// another node's batch with an earlier use
		store.markUsed(Map.of(hash, Instant.now()), Duration.ofMinutes(1));
		assertThat(tokens.list(me.account().id()).get(0).lastUsedAt()).as("never moved back").isEqualTo(later);
	}
}
