package dev.parley.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.PresentityUris;
import dev.parley.presence.PresenceReading;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/presence/{presentity}}: a presentity's presence as the caller may see it, as PIDF
 * (RFC 3863 with RPID) or JSON by {@code Accept}. Unknown and not-allowed presentities are the same 404.
 */
@RestController
@RequestMapping("/api/v1/presence")
@Tag(name = "Presence", description = "Who is reachable now, as each caller may see it; a customer's own status, "
		+ "watchers and privacy rules.")
class PresenceApiController {

	private static final String SUMMARY = "Read a presentity's presence";

	private static final String DESCRIPTION = """
			The presence of a customer, agent, queue, agent group or the center, filtered by the presentity's \
			access and visibility rules for the caller: everything, only open/closed, or a neutral closed \
			document. As PIDF (`application/pidf+xml`, RFC 3863 with RPID activities) or as JSON (summary and \
			tuples), chosen by `Accept`. A presentity that does not exist and one the caller may not see \
			answer the same 404, so nobody learns who exists. Changes nothing.""";

	private static final String PRESENTITY = "`customer-<uuid>`, `agent-<uuid>`, `queue-<key>`, `group-<key>`, "
			+ "`center-main`, or a full `pres:` or `sip:` URI of one.";

	private static final String NOT_FOUND = "No such presentity, or one the caller may not see (the same answer).";

	private static final MediaType PIDF = MediaType.parseMediaType(PidfCodec.MEDIA_TYPE);

	private final PresenceReading reading;

	/** The one 200 of both representations (springdoc merges the two handlers into one operation). */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "200", description = "The presence document, as JSON or as PIDF.", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PresenceJson.class),
					examples = @ExampleObject(name = "agent", summary = "an agent on a call", value = ApiExamples.PRESENCE)),
			@Content(mediaType = PidfCodec.MEDIA_TYPE, schema = @Schema(type = "string"),
					examples = @ExampleObject(name = "center", summary = "the center, open",
							value = ApiExamples.PRESENCE_PIDF)) })
	@interface PresenceDocumentResponse {
	}

	private final PidfCodec pidf;

	private final PresentityUris uris;

	PresenceApiController(PresenceReading reading, PidfCodec pidf, PresentityUris uris) {
		this.reading = reading;
		this.pidf = pidf;
		this.uris = uris;
	}

	@GetMapping(path = "/{presentity}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getPresence", summary = SUMMARY, description = DESCRIPTION)
	@PresenceDocumentResponse
	@ProblemAnswers(invalid = "`presentity` is neither `<kind>-<key>` nor a Parley presentity URI.",
			notFound = NOT_FOUND, subject = "presentity", negotiates = true)
	PresenceJson json(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = PRESENTITY, example = "center-main") @PathVariable String presentity) {
		return PresenceJson.of(reading.fetch(user.id(), user.role(), PresentityUris.read(presentity)), uris);
	}

	@GetMapping(path = "/{presentity}", produces = PidfCodec.MEDIA_TYPE)
	@Operation(operationId = "getPresence", summary = SUMMARY, description = DESCRIPTION)
	@PresenceDocumentResponse
	@ProblemAnswers(invalid = "`presentity` is neither `<kind>-<key>` nor a Parley presentity URI.",
			notFound = NOT_FOUND, subject = "presentity", negotiates = true)
	ResponseEntity<String> pidf(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = PRESENTITY, example = "center-main") @PathVariable String presentity) {
		String body = pidf.write(reading.fetch(user.id(), user.role(), PresentityUris.read(presentity)));
		return ResponseEntity.ok().contentType(PIDF).body(body);
	}
}
