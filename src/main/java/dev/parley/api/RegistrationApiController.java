package dev.parley.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.RefusedException;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.security.RegistrationLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Anyone may register as a customer: opens the account and the profile together (201), or nothing. */
@RestController
@Tag(name = "Registration", description = "Opening a customer account, the one thing done without a token.")
class RegistrationApiController {

	private final CustomerManagement customers;

	private final RegistrationLimit limit;

	RegistrationApiController(CustomerManagement customers, RegistrationLimit limit) {
		this.customers = customers;
		this.limit = limit;
	}

	record Registered(java.util.UUID id, String username, String displayName) {
	}

	@PostMapping("/api/v1/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(operationId = "register", summary = "Register as a new customer", description = """
			Opens a customer account and its profile together, in one transaction: both or neither. The \
			account signs in with `username` (3 to 100 letters, digits or `. _ @ + -`) and `password` (8 to \
			128 characters of any kind, not one of the most common passwords, not containing the username); the profile starts with `displayName` as its name, `timeZone` (IANA, default \
			UTC) and `email` as its one way of reaching the customer, which is also the preferred medium. \
			Every invalid field is named at once. One account per e-mail address: an address someone registered \
			with or gave already is refused (409 `email-taken`; the detail says how to get back into that account). \
			One address may open a few accounts an hour (429 with Retry-After past that). Create an API token afterwards (sign in on the pages, or \
			`POST /api/v1/tokens` with a token) to use the rest of the API.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "registration", summary = "a new customer",
							value = ApiExamples.REGISTRATION))))
	@ApiResponse(responseCode = "201", description = "The account and the profile were created.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "registered",
					summary = "the new account", value = ApiExamples.REGISTERED)))
	@ProblemAnswers(conflicts = { ProblemAnswers.Conflict.USERNAME_TAKEN, ProblemAnswers.Conflict.EMAIL_TAKEN })
	Registered register(@RequestBody Registration request, HttpServletRequest http) {
		limit.refusal(http.getRemoteAddr()).ifPresent(wait -> {
			throw new RefusedException(RefusedException.Kind.TOO_MANY_REQUESTS, "too-many-registrations",
					"Too many accounts were opened from your address; try again after the time in Retry-After.",
					wait.toSeconds());
		});
		var profile = customers.register(request);
		limit.opened(http.getRemoteAddr());
		return new Registered(profile.id().value(), request.username().trim(), profile.demographics().name());
	}
}
