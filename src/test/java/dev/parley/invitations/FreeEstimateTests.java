package dev.parley.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.agent.AgentState;
import dev.parley.common.Medium;

/** When an agent a customer asked for is likely free: the rule alone, at one instant. */
class FreeEstimateTests {

	static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

	static Duration s(long seconds) {
		return Duration.ofSeconds(seconds);
	}

	@Test
	void aBusyAgentIsFreeWhenTheSoonestOfTheirContactsEndsAtItsTypicalTime() {
		var call = new FreeEstimate.Current(Medium.VOICE, "care", NOW.minusSeconds(100), null);
		var chat = new FreeEstimate.Current(Medium.CHAT, "care", NOW.minusSeconds(30), null);
		Map<Medium, Duration> typical = Map.of(Medium.VOICE, s(400), Medium.CHAT, s(600));
		assertThat(FreeEstimate.of(AgentState.BUSY, List.of(call, chat), c -> Optional.of(typical.get(c.medium())), NOW))
			.contains(s(300));
	}

	@Test
	void aContactThatRanPastItsTypicalTimeMayEndAnyMomentNow() {
		var call = new FreeEstimate.Current(Medium.VOICE, "care", NOW.minusSeconds(900), null);
		assertThat(FreeEstimate.of(AgentState.BUSY, List.of(call), c -> Optional.of(s(400)), NOW)).contains(Duration.ZERO);
	}

	@Test
	void aBusyAgentWithNothingMeasuredHasNoEstimate() {
		var call = new FreeEstimate.Current(Medium.VOICE, "care", NOW.minusSeconds(100), null);
		assertThat(FreeEstimate.of(AgentState.BUSY, List.of(call), c -> Optional.empty(), NOW)).isEmpty();
	}

	@Test
	void anAgentInWrapUpIsFreeWhenTheLastWrapUpLimitIsReached() {
		var one = new FreeEstimate.Current(Medium.CHAT, "care", NOW.minusSeconds(600), NOW.plusSeconds(20));
		var two = new FreeEstimate.Current(Medium.CHAT, "care", NOW.minusSeconds(500), NOW.plusSeconds(45));
		assertThat(FreeEstimate.of(AgentState.WRAP_UP, List.of(one, two), c -> Optional.of(s(400)), NOW)).contains(s(45));
		var late = new FreeEstimate.Current(Medium.CHAT, "care", NOW.minusSeconds(600), NOW.minusSeconds(5));
		assertThat(FreeEstimate.of(AgentState.WRAP_UP, List.of(late), c -> Optional.empty(), NOW)).contains(Duration.ZERO);
	}

	@Test
	void readyNotReadyAndSignedOutAgentsHaveNoEstimate() {
		var call = new FreeEstimate.Current(Medium.VOICE, "care", NOW.minusSeconds(100), null);
		for (AgentState state : List.of(AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT)) {
			assertThat(FreeEstimate.of(state, List.of(call), c -> Optional.of(s(400)), NOW)).as(state.token()).isEmpty();
		}
	}

	@Test
	void theTypicalTimeIsTheAgentsOwnMedianWithEnoughSamplesElseTheQueues() {
		assertThat(FreeEstimate.typical(List.of(s(300), s(500), s(400)), List.of(s(60)))).contains(s(400));
		assertThat(FreeEstimate.typical(List.of(s(300), s(500)), List.of(s(100), s(200), s(900), s(300))))
			.as("two of their own are too few: the queue's median").contains(s(250));
		assertThat(FreeEstimate.typical(List.of(s(300)), List.of())).isEmpty();
	}
}
