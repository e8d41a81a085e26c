package dev.parley.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;

/** Anyone may register as a customer: opens the account and the profile together (201), or nothing. */
@RestController
class RegistrationApiController {

	private final CustomerManagement customers;

	RegistrationApiController(CustomerManagement customers) {
		this.customers = customers;
	}

	record Registered(java.util.UUID id, String username, String displayName) {
	}

	@PostMapping("/api/v1/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	Registered register(@RequestBody Registration request) {
		var profile = customers.register(request);
		return new Registered(profile.id().value(), request.username().trim(), profile.demographics().name());
	}
}
