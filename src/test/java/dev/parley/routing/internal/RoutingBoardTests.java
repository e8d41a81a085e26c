package dev.parley.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.agent.Agent;
import dev.parley.agent.Skill;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.OfferId;
import dev.parley.routing.Queue;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;

/** The routing decision, in memory: who is free, who is best for a queue, which contact goes first. */
class RoutingBoardTests {

	static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

	RoutingBoard board = new RoutingBoard();
	long version = 0;

	@Test
	void offersToLongestIdleAgentWithSkill() {
		Queue q = queue("support", RoutingStrategy.LONGEST_IDLE, new RequiredSkill("routers", 2));
		Agent skilled = agent("support", Map.of(Medium.CHAT, 3), new Skill("routers", 3));
		Agent unskilled = agent("support", Map.of(Medium.CHAT, 3), new Skill("routers", 1));
		Agent idleLonger = agent("support", Map.of(Medium.CHAT, 3), new Skill("routers", 2));
		board.putAgent(skilled, 0);
		board.putAgent(unskilled, 0);
		board.putAgent(idleLonger, 0);
		board.setAvailable(skilled.id(), true, 2_000);
		board.setAvailable(unskilled.id(), true, 500);
		board.setAvailable(idleLonger.id(), true, 1_000);

		var chat = queued(q, Medium.CHAT, 0, T0);
		assertThat(board.matchFor(chat.id(), 0)).hasValueSatisfying(m -> assertThat(m.agent()).isEqualTo(idleLonger.id()));
	}

	@Test
	void mostSkilledWinsAndLongestIdleBreaksTies() {
		Queue q = queue("support", RoutingStrategy.MOST_SKILLED, new RequiredSkill("routers", 1));
		Agent expert = agent("support", Map.of(Medium.CHAT, 3), new Skill("routers", 5));
		Agent novice = agent("support", Map.of(Medium.CHAT, 3), new Skill("routers", 1));
		Agent expert2 = agent("support", Map.of(Medium.CHAT, 3), new Skill("routers", 5));
		board.putAgent(expert, 0);
		board.putAgent(novice, 0);
		board.putAgent(expert2, 0);
		board.setAvailable(expert.id(), true, 3_000);
		board.setAvailable(novice.id(), true, 100);
		board.setAvailable(expert2.id(), true, 2_000);
		var chat = queued(q, Medium.CHAT, 0, T0);
		assertThat(board.matchFor(chat.id(), 0).orElseThrow().agent()).isEqualTo(expert2.id());
	}

	@Test
	void roundRobinGoesToWhoeverHadAnOfferFromTheQueueLeastRecently() {
		Queue q = queue("sales", RoutingStrategy.ROUND_ROBIN);
		Agent a = agent("sales", Map.of(Medium.CHAT, 3));
		Agent b = agent("sales", Map.of(Medium.CHAT, 3));
		board.putAgent(a, 0);
		board.putAgent(b, 0);
		ready(a, b);
		board.offeredFrom(a.id(), q.key(), 10);
		board.offeredFrom(b.id(), q.key(), 5);
		assertThat(board.matchFor(queued(q, Medium.CHAT, 0, T0).id(), 0).orElseThrow().agent()).isEqualTo(b.id());
	}

	@Test
	void leastBusyGoesToTheSmallestShareOfCapacityInUse() {
		Queue q = queue("sales", RoutingStrategy.LEAST_BUSY);
		Agent busy = agent("sales", Map.of(Medium.CHAT, 3));
		Agent calm = agent("sales", Map.of(Medium.CHAT, 3));
		board.putAgent(busy, 0);
		board.putAgent(calm, 0);
		board.setAvailable(busy.id(), true, 0);
		board.setAvailable(calm.id(), true, 5);
		connected(queued(q, Medium.CHAT, 0, T0), busy);
		connected(queued(q, Medium.CHAT, 0, T0), busy);
		connected(queued(q, Medium.CHAT, 0, T0), calm);
		assertThat(board.matchFor(queued(q, Medium.CHAT, 0, T0.plusSeconds(1)).id(), 0).orElseThrow().agent())
			.isEqualTo(calm.id());
	}

	@Test
	void nobodyWithoutFreeCapacityTheMediumOrAvailabilityGetsAnOffer() {
		Queue q = queue("support", RoutingStrategy.LONGEST_IDLE);
		Agent voiceOnly = agent("support", Map.of(Medium.VOICE, 1));
		Agent full = agent("support", Map.of(Medium.CHAT, 1));
		Agent notReady = agent("support", Map.of(Medium.CHAT, 3));
		Agent otherGroup = agent("sales", Map.of(Medium.CHAT, 3));
		board.putAgent(voiceOnly, 0);
		board.putAgent(full, 0);
		board.putAgent(notReady, 0);
		board.putAgent(otherGroup, 0);
		ready(voiceOnly, full, otherGroup);
		connected(queued(q, Medium.CHAT, 0, T0), full);
		var chat = queued(q, Medium.CHAT, 0, T0.plusSeconds(1));
		assertThat(board.matchFor(chat.id(), 0)).isEmpty();
		assertThat(board.position(chat.id())).isEqualTo(1);

		board.setAvailable(notReady.id(), true, 0);
		assertThat(board.matchFor(notReady.id())).hasValueSatisfying(m -> assertThat(m.interaction()).isEqualTo(chat.id()));
		assertThat(board.workload(full.id()).full()).isTrue();
	}

	@Test
	void placeInLineCountsFromEitherEnd() {
		Queue q = queue("care", RoutingStrategy.LONGEST_IDLE);
		List<Interaction> line = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			line.add(queued(q, Medium.CHAT, 0, T0.plusSeconds(i)));
		}
		for (int i = 0; i < line.size(); i++) {
			assertThat(board.position(line.get(i).id())).as("contact %d of 7", i + 1).isEqualTo(i + 1);
		}
		line.add(4, queued(q, Medium.CHAT, 1, T0.plusMillis(63_500))); // a minute's priority: between 3 s and 4 s
		for (int i = 0; i < line.size(); i++) {
			assertThat(board.position(line.get(i).id())).as("contact %d of 8", i + 1).isEqualTo(i + 1);
		}
	}

	@Test
	void higherPriorityGoesFirstButLongWaitsCatchUp() {
		Queue q = queue("care", RoutingStrategy.LONGEST_IDLE);
		var early = queued(q, Medium.CHAT, 0, T0);
		var urgent = queued(q, Medium.CHAT, 1, T0.plusSeconds(30));
		var later = queued(q, Medium.CHAT, 1, T0.plus(Duration.ofMinutes(5)));
		assertThat(board.position(urgent.id())).as("a priority level is worth a minute of waiting").isEqualTo(1);
		assertThat(board.position(early.id())).isEqualTo(2);
		assertThat(board.position(later.id())).as("five minutes of waiting beat one level").isEqualTo(3);

		Agent a = agent("care", Map.of(Medium.CHAT, 1));
		board.putAgent(a, 0);
		ready(a);
		assertThat(board.matchFor(a.id()).orElseThrow().interaction()).isEqualTo(urgent.id());
	}

	@Test
	void aRowOlderThanTheOneKnownIsIgnoredAndAClosedOneLeavesTheAgentFree() {
		Queue q = queue("care", RoutingStrategy.LONGEST_IDLE);
		Agent a = agent("care", Map.of(Medium.CHAT, 1));
		board.putAgent(a, 0);
		ready(a);
		var chat = queued(q, Medium.CHAT, 0, T0);
		var offered = with(chat, InteractionState.OFFERED, null, a.id());
		board.apply(offered, 0);
		board.apply(chat, 0); // the queued row again, arriving late: older version
		assertThat(board.position(chat.id())).isZero();
		assertThat(board.workload(a.id()).working()).isTrue();
		board.apply(with(offered, InteractionState.CLOSED, a.id(), null), 0);
		assertThat(board.workload(a.id()).working()).isFalse();
		assertThat(board.freeAgents()).contains(a.id());
	}

	private Queue queue(String group, RoutingStrategy strategy, RequiredSkill... skills) {
		Queue q = new Queue("q-" + UUID.randomUUID().toString().substring(0, 6), "Q", null, group,
				Set.of(Medium.CHAT, Medium.VOICE), Set.of(), List.of(skills), strategy, 0, Duration.ofSeconds(20), 3,
				Duration.ofSeconds(60), Duration.ofSeconds(20), false, 0);
		board.putQueue(q);
		return q;
	}

	private static Agent agent(String group, Map<Medium, Integer> capacity, Skill... skills) {
		return new Agent(new AgentId(UUID.randomUUID()), "A", group, List.of(skills), new EnumMap<>(capacity));
	}

	private void ready(Agent... agents) {
		for (Agent a : agents) {
			board.setAvailable(a.id(), true, 0);
		}
	}

	private Interaction queued(Queue q, Medium medium, int priority, Instant at) {
		var row = new Interaction(InteractionId.random(), new CustomerId(UUID.randomUUID()), medium, q.key(), null, null,
				priority, InteractionState.QUEUED, null, null, null, null, null, null, at, at, ++version, null, null, null, null,
				null, null, version);
		board.apply(row, 0);
		return row;
	}

	private void connected(Interaction row, Agent agent) {
		board.apply(with(row, InteractionState.CONNECTED, agent.id(), null), 0);
	}

	private Interaction with(Interaction r, InteractionState state, AgentId agent, AgentId offeredTo) {
		return new Interaction(r.id(), r.customer(), r.medium(), r.queue(), r.product(), r.topic(), r.priority(), state,
				agent, offeredTo == null ? null : OfferId.random(), offeredTo, null, null, null, r.createdAt(), r.enqueuedAt(),
				r.enqueueSeq(), null, null, null, null, null, null, r.version() + 1);
	}
}
