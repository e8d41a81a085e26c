package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.parley.identity.Account;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.SignInThrottle;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Failed sign-ins are throttled alike on the form and for API tokens: past the free failures the right secret is
 * refused too, for a while that grows and ends by itself; another address still reaches an account that one
 * address guesses at; an administrator sees and lifts locks; failures, locks and lifts are audited.
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "parley.identity.throttle.per-account-and-source=3",
		"parley.identity.throttle.per-account=6", "parley.identity.throttle.per-source=12",
		"parley.identity.throttle.first-delay=2s", "parley.identity.throttle.longest-delay=4s",
		"parley.identity.throttle.check-ttl=0s", "parley.security.registrations-per-hour=2" })
class SignInThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	FormSignIn form;

	ApiClient api;

	@BeforeEach
	void clean() {
		jdbc.sql("DELETE FROM sign_in_throttle").update(); // every client here is 127.0.0.1
		form = new FormSignIn(port);
		api = new ApiClient(port);
	}

	@Test
	void theRightPasswordIsRefusedAfterTooManyWrongOnesAndTheFormSaysHowLongToWait() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		for (int i = 0; i < 3; i++) {
			assertThat(form.attempt(agent.username(), "wrong-password-" + i)).endsWith("/login?error");
		}
		assertThat(form.attempt(agent.username(), "wrong-password-3")).as("the fourth failure still checks")
			.endsWith("/login?error");

		String refused = form.attempt(agent.username(), AccountFixtures.PASSWORD);
		assertThat(refused).contains("/login?locked=");
		assertThat(form.page(refused)).contains("Too many failed sign-ins").contains("seconds");

		var entries = audit.ofEntity("sign-in", agent.username());
		assertThat(entries).filteredOn(e -> e.action().equals("sign-in-failed")).hasSize(4)
			.allSatisfy(e -> assertThat(e.newValue()).isEqualTo("the sign-in form from 127.0.0.1"));
		assertThat(entries).filteredOn(e -> e.action().equals("sign-in-locked")).hasSize(1);
	}

	@Test
	void locksGrowButEndByThemselvesAndNeverOutlastTheLongestDelay() throws InterruptedException {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		for (int i = 0; i < 10; i++) {
			throttle.failed(agent.username(), "198.51.100.9", SignInThrottle.Channel.FORM);
		}
		var wait = throttle.refusal(agent.username(), "198.51.100.9");
		assertThat(wait).hasValueSatisfying(w -> assertThat(w).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4)));

		Thread.sleep(wait.get().toMillis() + 200);
		assertThat(throttle.refusal(agent.username(), "198.51.100.9")).isEmpty();
		assertThat(form.attempt(agent.username(), AccountFixtures.PASSWORD)).endsWith("/agent");
	}

	@Test
	void oneAddressGuessingLocksOnlyItselfOutUntilASpreadOutAttackLocksTheAccount() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		for (int i = 0; i < 4; i++) {
			throttle.failed(agent.username(), "203.0.113.7", SignInThrottle.Channel.SIP);
		}
		assertThat(throttle.refusal(agent.username(), "203.0.113.7")).isPresent();
		assertThat(throttle.refusal(agent.username(), "127.0.0.1")).isEmpty();
		assertThat(form.attempt(agent.username(), AccountFixtures.PASSWORD)).as("the owner, elsewhere").endsWith("/agent");

		for (int i = 0; i < 7; i++) {
			throttle.failed(agent.username(), "192.0.2." + i, SignInThrottle.Channel.SIP);
		}
		assertThat(throttle.refusal(agent.username(), "198.51.100.200")).as("the account from anywhere").isPresent();
		assertThat(form.attempt(agent.username(), AccountFixtures.PASSWORD)).contains("/login?locked=");
	}

	@Test
	void unknownUsernamesAreCountedAndLockedLikeKnownOnes() {
		for (int i = 0; i < 4; i++) {
			assertThat(form.attempt("nobody-" + port, "wrong-password")).endsWith("/login?error");
		}
		assertThat(form.attempt("nobody-" + port, "wrong-password")).contains("/login?locked=");
		assertThat(audit.ofEntity("sign-in", "unknown username")).isNotEmpty()
			.allSatisfy(e -> assertThat(e.newValue()).doesNotContain("nobody"));
	}

	@Test
	void anAddressSendingUnknownTokensGets429WithRetryAfterEvenForAGoodToken() {
		var admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN);
		for (int i = 0; i < 13; i++) {
			assertThat(api.get("/api/v1/categories", "pk_made-up-" + i).status()).isEqualTo(401);
		}
		var refused = api.get("/api/v1/categories", "pk_made-up-14");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Integer.parseInt(v)).isBetween(1, 4));
		assertThat(refused.json().get("status").asInt()).isEqualTo(429);
		assertThat(api.get("/api/v1/categories", admin.token()).status()).as("the address is locked, whatever it sends")
			.isEqualTo(429);
		assertThat(audit.ofEntity("sign-in", "api-token")).hasSizeGreaterThanOrEqualTo(12);
	}

	@Test
	void anAdministratorSeesTheLockAndLiftsItAndTheOwnerSignsInAtOnce() {
		var admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN);
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		for (int i = 0; i < 8; i++) {
			throttle.failed(agent.username(), "203.0.113.50", SignInThrottle.Channel.FORM);
		}
		assertThat(throttle.refusal(agent.username(), "203.0.113.50")).isPresent();

		var list = api.get("/api/v1/admin/sign-in-locks", admin.token());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().findValuesAsString("username")).contains(agent.username());
		assertThat(api.get("/api/v1/admin/sign-in-locks", agent.token()).status()).isEqualTo(403);

		assertThat(api.delete("/api/v1/admin/sign-in-locks?scope=ACCOUNT_SOURCE&username=" + agent.username()
				+ "&source=203.0.113.50", agent.token()).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/admin/sign-in-locks?scope=ACCOUNT_SOURCE&username=" + agent.username()
				+ "&source=203.0.113.50", admin.token()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/admin/sign-in-locks?scope=ACCOUNT&username=" + agent.username(), admin.token())
			.status()).isEqualTo(204);
		assertThat(throttle.refusal(agent.username(), "203.0.113.50")).isEmpty();
		assertThat(audit.ofEntity("sign-in", agent.username())).filteredOn(e -> e.action().equals("sign-in-lock-lifted"))
			.hasSize(2).allSatisfy(e -> assertThat(e.actorId()).isEqualTo(admin.account().id()));

		var again = api.delete("/api/v1/admin/sign-in-locks?scope=ACCOUNT&username=" + agent.username(), admin.token());
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(api.delete("/api/v1/admin/sign-in-locks?scope=EVERYTHING", admin.token()).status()).isEqualTo(400);
	}

	@Test
	void anAddressMayOpenOnlyAFewAccountsAnHourAndATypoCostsNothing() {
		var bad = registration();
		bad.put("email", "not-an-email");
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(bad)).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(registration())).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/registrations", null, ApiClient.json(registration())).status()).isEqualTo(201);

		var third = registration();
		var refused = api.post("/api/v1/registrations", null, ApiClient.json(third));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo("too-many-registrations");
		assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Long.parseLong(v)).isBetween(60L, 3600L));
		assertThat(identity.findByUsername(third.get("username"))).isEmpty();
	}

	static java.util.Map<String, String> registration() {
		String username = AccountFixtures.uniqueName("reg");
		return new java.util.LinkedHashMap<>(java.util.Map.of("username", username, "displayName", "Reg Istrant", "email",
				username + "@example.org", "password", AccountFixtures.PASSWORD));
	}

	@Test
	void aRightPasswordClearsTheAccountsCount() {
		Account agent = AccountFixtures.account(identity, Role.AGENT);
		for (int i = 0; i < 3; i++) {
			assertThat(form.attempt(agent.username(), "wrong-password")).endsWith("/login?error");
		}
		assertThat(form.attempt(agent.username(), AccountFixtures.PASSWORD)).endsWith("/agent");
		for (int i = 0; i < 3; i++) {
			assertThat(form.attempt(agent.username(), "wrong-password")).endsWith("/login?error");
		}
		assertThat(throttle.refusal(agent.username(), "127.0.0.1")).isEmpty();
		assertThat(List.of(form.attempt(agent.username(), AccountFixtures.PASSWORD))).singleElement()
			.satisfies(l -> assertThat(l).endsWith("/agent"));
	}
}
