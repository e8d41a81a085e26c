package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.ParleyApplication;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.SignInLock;
import dev.parley.identity.SignInThrottle;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.DatabaseAvailable;
import dev.parley.testing.TestDatabaseConfiguration;

/**
 * Two Parley nodes on one database (H2 in this JVM, PostgreSQL in the pgtest run) share the sign-in throttle:
 * failures counted at the same time on both are all counted, a lock made through one refuses on the other, and a
 * lift on one frees the other.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeSignInThrottleTests {

	final String h2 = "jdbc:h2:mem:two-node-throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
	SignInThrottle a;
	SignInThrottle b;
	JdbcClient jdbc;
	IdentityManagement identity;

	@BeforeAll
	void startTwoNodes() {
		var first = start();
		var second = start();
		a = first.getBean(SignInThrottle.class);
		b = second.getBean(SignInThrottle.class);
		jdbc = first.getBean(JdbcClient.class);
		identity = first.getBean(IdentityManagement.class);
	}

	@AfterAll
	void stop() {
		nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void failuresCountedOnBothNodesAtOnceAreAllCounted() throws Exception {
		String user = AccountFixtures.account(identity, Role.AGENT).username();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<Void>> calls = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			SignInThrottle node = i % 2 == 0 ? a : b;
			calls.add(() -> {
				node.failed(user, "203.0.113.1", SignInThrottle.Channel.FORM);
				return null;
			});
		}
		for (var f : pool.invokeAll(calls)) {
			f.get();
		}
		pool.shutdown();
		assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE scope = 'ACCOUNT_SOURCE' AND username_key = ?")
			.param(user.toLowerCase(java.util.Locale.ROOT)).query(Integer.class).single()).isEqualTo(40);
	}

	@Test
	void aLockMadeOnOneNodeRefusesOnTheOtherAndALiftOnTheOtherFreesBoth() {
		var admin = AccountFixtures.account(identity, Role.ADMIN);
		String user = AccountFixtures.account(identity, Role.AGENT).username();
		for (int i = 0; i < 4; i++) {
			a.failed(user, "203.0.113.2", SignInThrottle.Channel.SIP);
		}
		assertThat(b.refusal(user, "203.0.113.2")).isPresent();
		assertThat(b.locks()).extracting(SignInLock::username).contains(user.toLowerCase(java.util.Locale.ROOT));

		b.lift(new AccountId(admin.id().value()), SignInLock.Scope.ACCOUNT_SOURCE, user, "203.0.113.2");
		assertThat(a.refusal(user, "203.0.113.2")).isEmpty();
		assertThat(b.refusal(user, "203.0.113.2")).isEmpty();
	}

	private ConfigurableApplicationContext start() {
		var args = new ArrayList<>(List.of("--server.port=0", "--parley.identity.throttle.per-account-and-source=3",
				"--parley.identity.throttle.first-delay=30s", "--parley.identity.throttle.check-ttl=0s"));
		boolean postgres = System.getProperty("spring.profiles.active", "").contains("pgtest");
		if (!postgres) {
			args.add("--spring.datasource.url=" + h2);
		}
		var context = new SpringApplicationBuilder(ParleyApplication.class, TestDatabaseConfiguration.class)
			.profiles(postgres ? new String[] { "test", "pgtest" } : new String[] { "test" })
			.run(args.toArray(String[]::new));
		nodes.add(context);
		return context;
	}
}
