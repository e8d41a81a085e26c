package dev.parley.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.AttributeManagement;
import dev.parley.security.ParleyUser;

/** Administrators define the custom customer attributes. The key is fixed once created. */
@RestController
@RequestMapping("/api/v1/admin/attributes")
class AttributeDefinitionsApiController {

	private final AttributeManagement attributes;

	AttributeDefinitionsApiController(AttributeManagement attributes) {
		this.attributes = attributes;
	}

	@GetMapping
	List<AttributeDefinition> list() {
		return attributes.list();
	}

	@GetMapping("/{key}")
	AttributeDefinition get(@PathVariable String key) {
		return attributes.get(key);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AttributeDefinition add(@AuthenticationPrincipal ParleyUser user, @RequestBody AttributeDefinition definition) {
		return attributes.add(user.accountId(), definition);
	}

	@PutMapping("/{key}")
	AttributeDefinition update(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@RequestBody AttributeDefinition definition) {
		return attributes.update(user.accountId(), key, definition);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal ParleyUser user, @PathVariable String key) {
		attributes.delete(user.accountId(), key);
	}
}
