package dev.parley.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.routing.RoutingFixtures;
import dev.parley.testing.ParleyIntegrationTest;

/** Every change of an agent's state is logged with it; a day's history is the periods clipped to the day. */
@ParleyIntegrationTest
class AgentStateHistoryTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Test
	void aDaysHistoryIsEachStatesPeriodClippedToTheDay() {
		var agent = RoutingFixtures.agent(agents, RoutingFixtures.openGroup(agents));
		Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
		try {
			states.change(agent.id(), new AgentStatus(AgentState.READY, null, day.minus(Duration.ofHours(1))));
			states.change(agent.id(), new AgentStatus(AgentState.NOT_READY, AgentState.Reason.BREAK, day.plus(Duration.ofHours(9))));
			states.change(agent.id(), new AgentStatus(AgentState.NOT_READY, AgentState.Reason.BREAK, day.plus(Duration.ofHours(10))));
			states.change(agent.id(), new AgentStatus(AgentState.LOGGED_OUT, null, day.plus(Duration.ofHours(9).plusMinutes(15))));

			var periods = states.history(agent.id(), day, day.plus(Duration.ofDays(1)));
			assertThat(periods).extracting(AgentStatePeriod::state)
				.as("the same state again is no change; the state at midnight opens the day")
				.containsExactly(AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT);
			assertThat(periods.get(0).from()).isEqualTo(day);
			assertThat(periods.get(0).duration()).isEqualTo(Duration.ofHours(9));
			assertThat(periods.get(1).reason()).isEqualTo(AgentState.Reason.BREAK);
			assertThat(periods.get(1).duration()).isEqualTo(Duration.ofMinutes(15));
			assertThat(periods.get(2).to()).as("the last period ends with the day").isEqualTo(day.plus(Duration.ofDays(1)));

			assertThat(states.history(agent.id(), day.minus(Duration.ofDays(1)), day)).extracting(AgentStatePeriod::state)
				.containsExactly(AgentState.READY);
			assertThat(states.history(agent.id(), day.minus(Duration.ofDays(3)), day.minus(Duration.ofDays(2))))
				.as("before the first change: nothing logged").isEmpty();
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}
}
