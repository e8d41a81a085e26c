package dev.parley.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Anyone may register as a customer: opens the account and the profile together (201), or nothing. */
@RestController
@Tag(name = "Registration", description = "Opening a customer account, the one thing done without a token.")
class RegistrationApiController {

	private final CustomerManagement customers;

	RegistrationApiController(CustomerManagement customers) {
		this.customers = customers;
	}

	record Registered(java.util.UUID id, String username, String displayName) {
	}

	@PostMapping("/api/v1/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(operationId = "register", summary = "Register as a new customer", description = """
			Opens a customer account and its profile together, in one transaction: both or neither. The \
			account signs in with `username` (3 to 100 letters, digits or `. _ @ + -`) and `password` (8 to \
			128 characters); the profile starts with `displayName` as its name, `timeZone` (IANA, default \
			UTC) and `email` as its one way of reaching the customer, which is also the preferred medium. \
			Every invalid field is named at once. Create an API token afterwards (sign in on the pages, or \
			`POST /api/v1/tokens` with a token) to use the rest of the API.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "registration", summary = "a new customer",
							value = ApiExamples.REGISTRATION))))
	@ApiResponse(responseCode = "201", description = "The account and the profile were created.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "registered",
					summary = "the new account", value = ApiExamples.REGISTERED)))
	@ProblemAnswers(conflicts = ProblemAnswers.Conflict.USERNAME_TAKEN)
	Registered register(@RequestBody Registration request) {
		var profile = customers.register(request);
		return new Registered(profile.id().value(), request.username().trim(), profile.demographics().name());
	}
}
