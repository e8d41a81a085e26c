package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;
import dev.parley.testing.Eventually;

/**
 * A page whose stream the connect gate turns away (503) tries again by itself, after a jittered back-off that doubles
 * (0.5-1 s, then 1-2 s, ...), so a crowd of pages does not hammer a busy server; once there is room it connects.
 */
@BrowserTest
@TestPropertySource(properties = { "parley.live.connect-concurrency=1", "parley.live.connect-queue=0",
		"parley.live.connect-wait=0s" })
class ConnectGateBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	ConnectGate gate;

	@Autowired
	LiveHub hub;

	@Test
	void aPageTurnedAwayTriesAgainAfterADoublingBackOffAndConnectsWhenThereIsRoom(Browser tab) throws Exception {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		assertThat(gate.enter()).as("the test takes the only turn").isTrue();
		List<Long> refusedAt = new ArrayList<>();
		try {
			long seen = gate.refused();
			tab.signIn(customer.username(), AccountFixtures.PASSWORD); // the portal's home: its status panel is live
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (refusedAt.size() < 3 && System.nanoTime() < until) {
				long refused = gate.refused();
				for (; seen < refused; seen++) {
					refusedAt.add(System.nanoTime());
				}
				Thread.sleep(2);
			}
			assertThat(refusedAt).as("the page asked three times while the gate was full").hasSize(3);
			assertThat(hub.count()).isZero();
		}
		finally {
			gate.leave();
		}
		long first = TimeUnit.NANOSECONDS.toMillis(refusedAt.get(1) - refusedAt.get(0));
		long second = TimeUnit.NANOSECONDS.toMillis(refusedAt.get(2) - refusedAt.get(1));
		assertThat(first).as("first back-off, 0.5-1 s").isBetween(450L, 1_600L);
		assertThat(second).as("second back-off, 1-2 s").isBetween(950L, 2_600L);

		// the next try (2-4 s later) finds room
		Eventually.value(Duration.ofSeconds(10), () -> hub.count() == 1 ? true : null);
		assertThat(gate.refused()).as("no more refusals once it got in").isEqualTo(refusedAt.size());
	}
}
