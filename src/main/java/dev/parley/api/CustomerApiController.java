package dev.parley.api;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.api.ProblemAnswers.Conflict;
import dev.parley.customer.Agenda;
import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.Capabilities;
import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Demographics;
import dev.parley.customer.Interests;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in customer's own profile. Every path is under /me, so no customer can name another's data.
 * Each PUT takes one section with the {@code version} it edited and returns the section as saved.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Profile", description = "The customer's own profile in four sections, each saved on its own with "
		+ "the `version` it edited.")
class CustomerApiController {

	private static final String SECTION_RULES = """
			The body is the whole section with the `version` you read; the answer is the section as saved, \
			with its new `version`. Every invalid field is named at once (nested fields with their index, \
			e.g. `capabilities[1].address`) and nothing is saved. A `version` that is no longer the current \
			one (someone saved the section since you read it) answers 409 `stale`. The change is written to \
			the audit trail in the same transaction.""";

	private final CustomerManagement customers;

	CustomerApiController(CustomerManagement customers) {
		this.customers = customers;
	}

	record ProfileView(UUID id, Demographics demographics, Capabilities capabilities, Agenda agenda,
			Interests interests, List<AttributeDefinition> attributeDefinitions) {
	}

	@GetMapping("/profile")
	@Operation(operationId = "getMyProfile", summary = "Read your profile", description = """
			The caller's whole profile: demographics (name, languages, time zone, country, year of birth, \
			custom attributes), the ways to reach them (capabilities and the preferred medium), their agenda \
			(weekly windows and dated exceptions, in their time zone) and their interests with the consent \
			to proactive contact. Each section carries the `version` to send back with a change. Also lists \
			the custom attribute definitions the demographics' `attributes` follow. A customer who never \
			saved a section reads its defaults (version 0). Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The profile.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "profile", summary = "Alice's profile",
					value = ApiExamples.PROFILE)))
	ProfileView profile(@AuthenticationPrincipal ParleyUser user) {
		var p = customers.profile(me(user));
		return new ProfileView(p.id().value(), p.demographics(), p.capabilities(), p.agenda(), p.interests(),
				customers.attributeDefinitions());
	}

	@GetMapping("/attributes/definitions")
	@Operation(operationId = "listMyAttributeDefinitions", summary = "List the custom attributes you can fill in",
			description = """
					The custom customer attributes the center's administrators defined: key, label, type \
					(`TEXT`, `NUMBER`, `DATE`, `BOOLEAN`, `CHOICE`), whether it is required, the maximum \
					length of a text and the options of a choice. Values go into `attributes` of your \
					demographics, by key. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The attribute definitions.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "definitions", summary = "a choice and a text",
					value = ApiExamples.ATTRIBUTE_DEFINITIONS)))
	List<AttributeDefinition> definitions() {
		return customers.attributeDefinitions();
	}

	@PutMapping("/demographics")
	@Operation(operationId = "updateMyDemographics", summary = "Change your demographics", description = """
			Replaces the demographics section: `name` (also the account's display name), \
			`preferredLanguage` (BCP 47), `locale`, `timeZone` (IANA; pages and agenda use it), `country` \
			(ISO 3166 alpha-2), `birthYear` and the custom `attributes` by key, each checked against its \
			definition (required, type, length, options). """ + SECTION_RULES,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "demographics", summary = "edited version 1",
							value = ApiExamples.DEMOGRAPHICS))))
	@ApiResponse(responseCode = "200", description = "The demographics as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "saved", summary = "now version 2",
					value = ApiExamples.DEMOGRAPHICS)))
	@ProblemAnswers(conflicts = Conflict.STALE)
	Demographics demographics(@AuthenticationPrincipal ParleyUser user, @RequestBody Demographics section) {
		return customers.updateDemographics(me(user), section);
	}

	@PutMapping("/capabilities")
	@Operation(operationId = "updateMyCapabilities", summary = "Change how you can be reached", description = """
			Replaces the capabilities section: the list of media (`PHONE` in E.164, `SIP` URI, `EMAIL`, \
			`CHAT`, `VIDEO`) with their address where the medium needs one and whether each is enabled, and \
			the `preferredMedium`, which must be one of the enabled ones. """ + SECTION_RULES,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "capabilities", summary = "email, phone and chat",
							value = ApiExamples.CAPABILITIES))))
	@ApiResponse(responseCode = "200", description = "The capabilities as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "saved", summary = "as saved",
					value = ApiExamples.CAPABILITIES)))
	@ProblemAnswers(conflicts = Conflict.STALE)
	Capabilities capabilities(@AuthenticationPrincipal ParleyUser user, @RequestBody Capabilities section) {
		return customers.updateCapabilities(me(user), section);
	}

	@PutMapping("/agenda")
	@Operation(operationId = "updateMyAgenda", summary = "Change when you can be reached", description = """
			Replaces the agenda section: weekly `windows` (day, start, end in your time zone) when the \
			center may reach you, and dated `exceptions` (a whole day or a time span, `BUSY` or `FREE`, with \
			a note). A `BUSY` exception that is running shows in your presence as a meeting. """
			+ SECTION_RULES,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "agenda", summary = "two windows, two exceptions",
							value = ApiExamples.AGENDA))))
	@ApiResponse(responseCode = "200", description = "The agenda as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "saved", summary = "as saved",
					value = ApiExamples.AGENDA)))
	@ProblemAnswers(conflicts = Conflict.STALE)
	Agenda agenda(@AuthenticationPrincipal ParleyUser user, @RequestBody Agenda section) {
		return customers.updateAgenda(me(user), section);
	}

	@PutMapping("/interests")
	@Operation(operationId = "updateMyInterests", summary = "Change your interests and consent", description = """
			Replaces the interests section: each interest is a product category (`categoryKey`) or a free \
			`topic`, with a `level` (`LOW`, `MEDIUM`, `HIGH`); `contactConsent` says whether the center may \
			contact you about them (the time consent was first given is kept). """ + SECTION_RULES,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "interests", summary = "a category and a topic",
							value = ApiExamples.INTERESTS))))
	@ApiResponse(responseCode = "200", description = "The interests as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "saved", summary = "as saved",
					value = ApiExamples.INTERESTS)))
	@ProblemAnswers(conflicts = Conflict.STALE)
	Interests interests(@AuthenticationPrincipal ParleyUser user, @RequestBody Interests section) {
		return customers.updateInterests(me(user), section);
	}

	private static CustomerId me(ParleyUser user) {
		return new CustomerId(user.id());
	}
}
