package dev.parley.api;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.customer.Agenda;
import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.Capabilities;
import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Demographics;
import dev.parley.customer.Interests;
import dev.parley.security.ParleyUser;

/**
 * The signed-in customer's own profile. Every path is under /me, so no customer can name another's data.
 * Each PUT takes one section with the {@code version} it edited and returns the section as saved.
 */
@RestController
@RequestMapping("/api/v1/me")
class CustomerApiController {

	private final CustomerManagement customers;

	CustomerApiController(CustomerManagement customers) {
		this.customers = customers;
	}

	record ProfileView(UUID id, Demographics demographics, Capabilities capabilities, Agenda agenda,
			Interests interests, List<AttributeDefinition> attributeDefinitions) {
	}

	@GetMapping("/profile")
	ProfileView profile(@AuthenticationPrincipal ParleyUser user) {
		var p = customers.profile(me(user));
		return new ProfileView(p.id().value(), p.demographics(), p.capabilities(), p.agenda(), p.interests(),
				customers.attributeDefinitions());
	}

	@GetMapping("/attributes/definitions")
	List<AttributeDefinition> definitions() {
		return customers.attributeDefinitions();
	}

	@PutMapping("/demographics")
	Demographics demographics(@AuthenticationPrincipal ParleyUser user, @RequestBody Demographics section) {
		return customers.updateDemographics(me(user), section);
	}

	@PutMapping("/capabilities")
	Capabilities capabilities(@AuthenticationPrincipal ParleyUser user, @RequestBody Capabilities section) {
		return customers.updateCapabilities(me(user), section);
	}

	@PutMapping("/agenda")
	Agenda agenda(@AuthenticationPrincipal ParleyUser user, @RequestBody Agenda section) {
		return customers.updateAgenda(me(user), section);
	}

	@PutMapping("/interests")
	Interests interests(@AuthenticationPrincipal ParleyUser user, @RequestBody Interests section) {
		return customers.updateInterests(me(user), section);
	}

	private static CustomerId me(ParleyUser user) {
		return new CustomerId(user.id());
	}
}
