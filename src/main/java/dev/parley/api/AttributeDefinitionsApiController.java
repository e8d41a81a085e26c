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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators define the custom customer attributes. The key is fixed once created. */
@RestController
@RequestMapping("/api/v1/admin/attributes")
@Tag(name = "Custom attributes", description = "The custom attributes every customer profile can carry.")
class AttributeDefinitionsApiController {

	private static final String KEY = "The attribute's key.";

	private static final String NOT_FOUND = "No attribute has this key.";

	private static final String RULES = """
			`label` (required), `type` (`TEXT`, `NUMBER`, `DATE`, `BOOLEAN` or `CHOICE`), `required` (whether \
			customers must fill it in), `maxLength` (texts only) and `options` (the choices of a `CHOICE`, \
			required for it). Every invalid field is named at once.""";

	private final AttributeManagement attributes;

	AttributeDefinitionsApiController(AttributeManagement attributes) {
		this.attributes = attributes;
	}

	@GetMapping
	@Operation(operationId = "listAttributeDefinitions", summary = "List the custom attributes", description = """
			Every custom customer attribute defined: key, label, type, whether it is required, maximum length \
			and options. Customers see the same list on their profile. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The definitions.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "definitions", summary = "a choice and a text",
					value = ApiExamples.ATTRIBUTE_DEFINITIONS)))
	List<AttributeDefinition> list() {
		return attributes.list();
	}

	@GetMapping("/{key}")
	@Operation(operationId = "getAttributeDefinition", summary = "Read one custom attribute", description = """
			The definition of one custom attribute: label, type, whether it is required, maximum length and \
			options. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The definition.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "definition", summary = "a choice",
					value = ApiExamples.ATTRIBUTE_DEFINITION)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "attribute")
	AttributeDefinition get(@Parameter(description = KEY, example = "loyalty_tier") @PathVariable String key) {
		return attributes.get(key);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addAttributeDefinition", summary = "Define a new custom attribute", description = """
			Adds a custom attribute every customer profile can then carry in `demographics.attributes`: \
			`key` (2 to 40 characters, a lowercase letter first, then lowercase letters, digits or `_`; fixed \
			once created), """ + RULES + " The definition is written to the audit trail.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "definition", summary = "a choice",
							value = ApiExamples.ATTRIBUTE_DEFINITION))))
	@ApiResponse(responseCode = "201", description = "The attribute was defined.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "definition", summary = "as saved",
					value = ApiExamples.ATTRIBUTE_DEFINITION)))
	@ProblemAnswers(conflicts = ProblemAnswers.Conflict.ATTRIBUTE_EXISTS)
	AttributeDefinition add(@AuthenticationPrincipal ParleyUser user, @RequestBody AttributeDefinition definition) {
		return attributes.add(user.accountId(), definition);
	}

	@PutMapping("/{key}")
	@Operation(operationId = "updateAttributeDefinition", summary = "Change a custom attribute", description = """
			Replaces the definition of the attribute `key` (a `key` in the body is ignored; the key never \
			changes): """ + RULES + " Customers' stored values are kept. The old and the new definition are "
			+ "written to the audit trail.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "definition", summary = "a choice",
							value = ApiExamples.ATTRIBUTE_DEFINITION))))
	@ApiResponse(responseCode = "200", description = "The definition as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "definition", summary = "as saved",
					value = ApiExamples.ATTRIBUTE_DEFINITION)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "attribute")
	AttributeDefinition update(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = KEY, example = "loyalty_tier") @PathVariable String key,
			@RequestBody AttributeDefinition definition) {
		return attributes.update(user.accountId(), key, definition);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteAttributeDefinition", summary = "Delete a custom attribute", description = """
			Deletes the attribute and every customer's value of it, in one transaction. The deleted \
			definition is written to the audit trail. Cannot be undone.""")
	@ApiResponse(responseCode = "204", description = "The attribute and its values are gone.")
	@ProblemAnswers(notFound = NOT_FOUND, subject = "attribute")
	void delete(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = KEY, example = "loyalty_tier") @PathVariable String key) {
		attributes.delete(user.accountId(), key);
	}
}
