package dev.parley.invitations;

import java.util.List;

import dev.parley.common.AddressKind;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.Capabilities;
import dev.parley.customer.Capability;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.CustomerProfile;
import dev.parley.customer.Interests;
import dev.parley.customer.Registration;
import dev.parley.testing.AccountFixtures;

/** Customers for invitation tests: registered, reachable by chat (and e-mail), with or without consent. */
public final class InvitationFixtures {

	private InvitationFixtures() {
	}

	/** A freshly registered customer (time zone {@code zone}) who can chat and has consented to proactive contact. */
	public static CustomerProfile consenting(CustomerManagement customers, String zone, String displayName) {
		String username = AccountFixtures.uniqueName("cust");
		var profile = customers.register(new Registration(username, displayName, username + "@example.com",
				AccountFixtures.PASSWORD, zone));
		CustomerId id = profile.id();
		customers.updateCapabilities(id, new Capabilities(List.of(new Capability(AddressKind.CHAT, null, true),
				new Capability(AddressKind.EMAIL, username + "@example.com", true)), Medium.CHAT,
				profile.capabilities().version()));
		customers.updateInterests(id, new Interests(List.of(), true, null, profile.interests().version()));
		return customers.profile(id);
	}

	/** The username of a customer made by {@link #consenting}. */
	public static String username(dev.parley.identity.IdentityManagement identity, CustomerId id) {
		return identity.get(new dev.parley.identity.AccountId(id.value())).username();
	}
}
