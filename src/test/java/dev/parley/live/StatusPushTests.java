package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.identity.Role;
import dev.parley.common.Medium;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.status.CenterStatus;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The center's figures reach a page at once after a quiet spell (leading edge), and changes that follow close behind
 * are gathered into one push at the end of the interval ({@code parley.live.status-interval}, 3 s here so the two
 * cannot be confused): a single change never waits for the interval, and a burst never sends more than one push per
 * interval.
 */
@ParleyIntegrationTest
@TestPropertySource(properties = "parley.live.status-interval=3s")
class StatusPushTests {

	private static final Pattern AVAILABLE = Pattern.compile("\"center\":\\{[^}]*\"agentsAvailable\":(\\d+)");

	/** A page showing the figures: each status push, with when it came. */
	static final class Page implements Channel {
		record Push(long at, int available) {
		}

		final BlockingQueue<Push> pushes = new LinkedBlockingQueue<>();

		@Override
		public void send(Frame frame) throws IOException {
			if ("status".equals(frame.event())) {
				Matcher m = AVAILABLE.matcher(frame.data());
				if (m.find()) {
					pushes.add(new Push(System.nanoTime(), Integer.parseInt(m.group(1))));
				}
			}
		}

		@Override
		public void close() {
		}
	}

	@Autowired
	LiveHub hub;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	CenterStatus status;

	@Autowired
	QueueManagement queues;

	List<Agent> hired = List.of();


	@AfterEach
	void logOut() {
		hired.forEach(a -> states.change(a.id(), "logged-out", null));
	}

	@Test
	void aLoneChangeGoesAtOnceAndABurstBehindItIsOnePushAtTheIntervalsEnd() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		hired = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			hired.add(RoutingFixtures.agent(agents, group));
		}
		var page = new Page();
		hub.open(new LiveConnection.Viewer(UUID.randomUUID(), Role.AGENT, "Wallboard", Locale.ENGLISH, ZoneOffset.UTC,
				"_csrf", "", ""), Set.of(LiveConnection.Topic.STATUS), page);

		// a lone change, after a quiet interval; the figures also go out when time alone changed them (the last
		// 15 minutes' service level), at most every 5 s: a change that met such a push is tried again with another agent
		Page.Push first = null;
		for (int attempt = 0; attempt < 3 && first == null; attempt++) {
			quiet(page);
			int available = status.center().agentsAvailable();
			long changed = System.nanoTime();
			states.change(hired.get(attempt).id(), "ready", null);
			Page.Push push = page.pushes.poll(10, TimeUnit.SECONDS);
			if (push != null && push.available() == available + 1) {
				assertThat(TimeUnit.NANOSECONDS.toMillis(push.at() - changed))
					.as("a lone change does not wait for the interval").isLessThan(1_200);
				first = push;
			}
		}
		assertThat(first).as("a lone change that met no other push").isNotNull();

		int burst = first.available() + 2;
		states.change(hired.get(3).id(), "ready", null);
		states.change(hired.get(4).id(), "ready", null);
		Page.Push second = page.pushes.poll(10, TimeUnit.SECONDS);
		assertThat(second).isNotNull();
		assertThat(TimeUnit.NANOSECONDS.toMillis(second.at() - first.at()))
			.as("the changes behind it wait for the interval's end").isGreaterThanOrEqualTo(2_900);
		assertThat(second.available()).as("and go as one push, with the latest figures").isEqualTo(burst);
	}

	/** Waits until no push came for longer than the interval. */
	private static void quiet(Page page) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (page.pushes.poll(3_500, TimeUnit.MILLISECONDS) != null) {
			assertThat(System.nanoTime()).as("the figures settle").isLessThan(until);
		}
	}
}
