package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Whether a customer lets an agent see her now, as alerts ask it when a rule on her fires: her rule for that agent
 * wins over her rule for agents; a block, polite or not, or showing nothing, says no; a change counts at once.
 */
@ParleyIntegrationTest
class PresencePrivacyTests {

	@Autowired
	PresencePrivacy privacy;

	@Autowired
	IdentityManagement identity;

	@Test
	void aCustomerLetsAnAgentSeeHerUntilSheBlocksAgentsOrHim() {
		UUID cora = AccountFixtures.account(identity, Role.CUSTOMER).id().value();
		UUID ana = AccountFixtures.account(identity, Role.AGENT).id().value();
		UUID ben = AccountFixtures.account(identity, Role.AGENT).id().value();
		assertThat(privacy.letsAgentSee(cora, ana)).as("agents must ask, by default").isTrue();

		privacy.updateRules(cora, groups("allow", "full"), null, 0L);
		privacy.setWatcherRule(cora, "urn:uuid:" + ana, "block", "nothing");
		assertThat(privacy.letsAgentSee(cora, ana)).isFalse();
		assertThat(privacy.letsAgentSee(cora, ben)).isTrue();

		privacy.setWatcherRule(cora, "urn:uuid:" + ana, "polite-block", "nothing");
		assertThat(privacy.letsAgentSee(cora, ana)).isFalse();

		privacy.setWatcherRule(cora, "urn:uuid:" + ana, "default", null);
		assertThat(privacy.letsAgentSee(cora, ana)).isTrue();

		long version = privacy.rules(cora).version();
		privacy.updateRules(cora, groups("block", "nothing"), null, version);
		assertThat(privacy.letsAgentSee(cora, ana)).isFalse();
		assertThat(privacy.letsAgentSee(cora, ben)).isFalse();
	}

	private static Map<String, RuleInput> groups(String agentsHandling, String agentsVisibility) {
		return Map.of("agents", new RuleInput(agentsHandling, agentsVisibility), "supervisors",
				new RuleInput("allow", "full"), "others", new RuleInput("block", "nothing"));
	}
}
