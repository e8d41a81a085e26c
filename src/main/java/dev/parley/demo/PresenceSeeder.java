package dev.parley.demo;

import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;

/**
 * Presence choices: about two in three demo customers let agents watch them (most outright, some only
 * after asking), so the agent workstation's customer panel has people in it.
 */
@Component
class PresenceSeeder implements DemoSeeder {

	private final PresencePrivacy privacy;

	PresenceSeeder(PresencePrivacy privacy) {
		this.privacy = privacy;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void seed(DemoDataset dataset) {
		Random random = new Random(70);
		for (DemoDataset.Named customer : dataset.customers) {
			int pick = random.nextInt(3);
			if (pick == 2) {
				continue;
			}
			String agents = pick == 0 ? "allow" : "confirm";
			privacy.updateRules(customer.id(), Map.of("agents", new RuleInput(agents, "full"), "supervisors",
					new RuleInput("allow", "full"), "others", new RuleInput("block", "nothing")), null, 0L);
		}
	}
}
