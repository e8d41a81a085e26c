package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import dev.parley.agent.AgentStates;
import dev.parley.common.AgentId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;

/** Presence with the modules it depends on: an agent's state change reaches the agent's presentity by event. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class PresenceModuleTests {

	@Autowired
	Presence presence;

	@Autowired
	AgentStates states;

	@Autowired
	IdentityManagement identity;

	@Test
	void anAgentStateChangeBecomesTheAgentsRoutingTuple(Scenario scenario) {
		var agent = new AgentId(AccountFixtures.account(identity, Role.AGENT).id().value());
		var presentity = PresentityId.agent(agent.value());

		scenario.stimulate(() -> states.change(agent, "not-ready", "meeting"))
			.andWaitForStateChange(() -> routing(presentity).filter(t -> t.activities().contains(Activity.MEETING)))
			.andVerify(tuple -> assertThat(tuple).hasValueSatisfying(t -> assertThat(t.isOpen()).isTrue()));

		scenario.stimulate(() -> states.change(agent, "logged-out", null))
			.andWaitForStateChange(() -> routing(presentity).filter(t -> !t.isOpen()))
			.andVerify(tuple -> assertThat(tuple).isPresent());
	}

	private Optional<PresenceTuple> routing(PresentityId presentity) {
		return presence.current(presentity)
			.flatMap(d -> d.tuples().stream().filter(t -> t.id().equals(AgentPresence.TUPLE)).findFirst());
	}
}
