package dev.parley.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.status.internal.SampleStore;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The status history behind the wallboard's charts: a sample holds each queue's contacts waiting and the waits of
 * the contacts answered in its interval (from the table, whichever node answered them); a second node sampling the
 * same time writes nothing; old samples go. And the public status page, without signing in.
 */
@ParleyIntegrationTest
class StatusHistoryTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentStates states;

	@Autowired
	AgentDesk desk;

	@Autowired
	Interactions interactions;

	@Autowired
	CenterStatus status;

	@Autowired
	SampleStore store;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aSampleHoldsTheQueuesWaitingAndTheWaitsOfTheContactsAnsweredInItsInterval() {
		var api = new ApiClient(port);
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var agent = RoutingFixtures.agent(agents, group);
		try {
			states.change(agent.id(), "ready", null);
			String answered = start(api, queue);
			var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
			desk.accept(agent.id(), offer.offer().id());
			Interaction connected = interactions.find(new InteractionId(java.util.UUID.fromString(answered))).orElseThrow();
			assertThat(connected.connectedAt()).isNotNull();
			states.change(agent.id(), "not-ready", "break");
			start(api, queue); // waits: nobody is ready

			Duration day = Duration.ofDays(1);
			Instant end = Instant.ofEpochMilli(Math.floorDiv(connected.connectedAt().toEpochMilli(), day.toMillis())
					* day.toMillis()).plus(day);
			StatusHistory node1 = history(end.plusSeconds(1), day);
			StatusHistory node2 = history(end.plusSeconds(2), day);

			assertThat(node1.sample()).as("one row per queue").isGreaterThanOrEqualTo(1);
			assertThat(node2.sample()).as("the other node's sample of the same time writes nothing").isZero();

			StatusSample mine = store.since(end).stream().filter(s -> s.queue().equals(queue.key())).findFirst()
				.orElseThrow();
			assertThat(mine.at()).isEqualTo(end);
			assertThat(mine.contactsWaiting()).isEqualTo(1);
			assertThat(mine.agentsAvailable()).isZero();
			assertThat(mine.answered()).isEqualTo(1);
			double waited = (connected.connectedAt().toEpochMilli() - connected.createdAt().toEpochMilli()) / 1000.0;
			assertThat(mine.answeredWaitSeconds()).isCloseTo(waited, org.assertj.core.data.Offset.offset(0.01));
			assertThat(mine.estimatedWaitSeconds()).as("nobody serves the queue now: no estimate").isNull();

			// kept for a day: a sample taken two days later drops it
			StatusHistory later = history(end.plus(Duration.ofDays(2)).plusSeconds(1), day);
			later.sample();
			assertThat(store.since(end).stream().filter(s -> s.at().equals(end))).isEmpty();
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}

	@Test
	void thePublicStatusPageShowsEachQueuesEstimatorsAndTheirMeasuredErrorWithoutSigningIn() {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var page = new ApiClient(port).get("/status", null);
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("Center status", queue.name(), "How accurate our wait estimates are");
		for (String estimator : new String[] { "ql", "ql-abandonment", "les", "hol", "moving-average" }) {
			assertThat(html).contains("data-estimator=\"" + estimator + "\"");
		}
		assertThat(html).as("the shown estimator is marked").contains("class=\"chosen\"");
	}

	private StatusHistory history(Instant now, Duration interval) {
		return new StatusHistory(status, queues, interactions, store, events,
				Optional.of(Clock.fixed(now, ZoneOffset.UTC)), interval, Duration.ofDays(1));
	}

	private String start(ApiClient api, Queue queue) {
		String token = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		return api.post("/api/v1/me/interactions", token, ApiClient.json(Map.of("medium", "chat", "queue", queue.key())))
			.json().get("id").asString();
	}
}
