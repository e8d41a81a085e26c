package dev.parley.customer;

import dev.parley.common.CustomerId;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;

/** Registered customers for tests: each call registers a fresh, uniquely named customer with a token. */
final class CustomerFixtures {

	private CustomerFixtures() {
	}

	record Customer(CustomerId id, String username, String token) {
	}

	static Registration registration(String zone) {
		String username = AccountFixtures.uniqueName("cust");
		return new Registration(username, "Cora Customer", username + "@example.com", AccountFixtures.PASSWORD, zone);
	}

	static Customer registered(CustomerManagement customers, TokenManagement tokens) {
		var registration = registration("Europe/Berlin");
		var profile = customers.register(registration);
		var token = tokens.issue(new dev.parley.identity.AccountId(profile.id().value()), "test", null).secret();
		return new Customer(profile.id(), registration.username(), token);
	}
}
