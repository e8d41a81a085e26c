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
			// every try the page makes while the gate is full, for 2.9 s from the first: with the back-off (0.5-1 s,
			// then 1-2 s) that is two or three; a page retrying at once, or after a fixed short pause, makes dozens
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (System.nanoTime() < until
					&& (refusedAt.isEmpty() || System.nanoTime() - refusedAt.get(0) < TimeUnit.MILLISECONDS.toNanos(2_900))) {
				long refused = gate.refused();
				for (; seen < refused; seen++) {
					refusedAt.add(System.nanoTime());
				}
				Thread.sleep(2);
			}
			assertThat(hub.count()).isZero();
		}
		finally {
			gate.leave();
		}
		assertThat(refusedAt).as("the page asked for its stream while the gate was full").isNotEmpty();
		List<Long> sinceFirst = refusedAt.stream().map(t -> TimeUnit.NANOSECONDS.toMillis(t - refusedAt.get(0))).toList();
		assertThat(refusedAt).as("tries in 2.9 s after the first, ms after it: " + sinceFirst).hasSizeBetween(2, 4);
		assertThat(sinceFirst.get(sinceFirst.size() - 1)).as("the last try came after a back-off: " + sinceFirst)
			.isGreaterThanOrEqualTo(450L);

		// a later try (after 1-2 s, or 2-4 s) finds room, and the page is live
		Eventually.value(Duration.ofSeconds(10), () -> hub.count() == 1 ? true : null);
	}
}
