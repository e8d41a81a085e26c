package dev.parley.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.parley.common.AgentId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;

/** The agent module with its direct dependencies only: routing states are kept and announced. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AgentModuleTests {

	@Autowired
	AgentStates states;

	@Autowired
	IdentityManagement identity;

	@Test
	void aStateChangeIsKeptAndAnnounced(Scenario scenario) {
		var agent = new AgentId(AccountFixtures.account(identity, Role.AGENT).id().value());
		assertThat(states.status(agent).state()).isEqualTo(AgentState.LOGGED_OUT);

		scenario.stimulate(() -> states.change(agent, "not-ready", "meal"))
			.andWaitForEventOfType(AgentStateChanged.class)
			.matching(e -> e.agent().equals(agent))
			.toArriveAndVerify(e -> {
				assertThat(e.previous()).isEqualTo(AgentState.LOGGED_OUT);
				assertThat(e.state()).isEqualTo(AgentState.NOT_READY);
				assertThat(e.reason()).isEqualTo(AgentState.Reason.MEAL);
			});

		assertThat(states.status(agent).state()).isEqualTo(AgentState.NOT_READY);
		assertThat(states.loggedIn()).containsKey(agent);
		states.change(agent, "logged-out", null);
		assertThat(states.loggedIn()).doesNotContainKey(agent);
	}
}
