package dev.parley.demo;

import org.springframework.stereotype.Component;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.NewAccount;
import dev.parley.identity.Role;

/** The center's staff who are not agents: one supervisor and one administrator. */
@Component
class StaffSeeder implements DemoSeeder {

	private final IdentityManagement identity;

	StaffSeeder(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void seed(DemoDataset dataset) {
		dataset.supervisor = identity
			.open(new NewAccount("supervisor", DemoDataset.PASSWORD, "Sam Supervisor", Role.SUPERVISOR)).id().value();
		dataset.signIns.add(new DemoDataset.SignIn("supervisor", "supervisor", "the wallboard"));
		dataset.administrator = identity
			.open(new NewAccount("admin", DemoDataset.PASSWORD, "Ada Administrator", Role.ADMIN)).id().value();
		dataset.signIns.add(new DemoDataset.SignIn("admin", "admin", "custom attributes, opening hours, audit"));
	}
}
