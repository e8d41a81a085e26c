package dev.parley.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The RFC 9457 problem answers of the API as OpenAPI objects: the {@code Problem} and {@code FieldError}
 * schemas (exactly what {@link ApiExceptionHandler} and the security filters write) and one response per
 * kind of refusal, each {@code application/problem+json} with an example.
 */
final class ProblemResponses {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String UNAUTHORIZED = "Unauthorized";
	static final String FORBIDDEN = "Forbidden";
	static final String CONTENT_TOO_LARGE = "ContentTooLarge";
	static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
	static final String NOT_ACCEPTABLE = "NotAcceptable";

	private static final String PROBLEM_REF = "#/components/schemas/Problem";

	private ProblemResponses() {
	}

	/** Adds the two schemas and the responses every operation shares to the document's components. */
	static void register(Components components) {
		components.addSchemas("FieldError", fieldError()).addSchemas("Problem", problem());
		components.addResponses(UNAUTHORIZED, response("No bearer token, or one that is unknown, expired or revoked. "
				+ "The answer carries `WWW-Authenticate: Bearer realm=\"parley\"`.",
				example("no token", 401, "Unauthorized", "Send a bearer token: Authorization: Bearer <token>.")));
		components.addResponses(FORBIDDEN, response("The caller's role may not use this operation.",
				example("wrong role", 403, "Forbidden", "Your role may not use this resource.")));
		var tooLarge = problem(413, "Content too large", "Request bodies are limited to 262144 bytes (256 KiB).");
		tooLarge.put("limit", 262144);
		components.addResponses(CONTENT_TOO_LARGE, response("The request body is larger than 256 KiB, whether it "
				+ "came with a Content-Length or chunked; the rest of it was not read and nothing was changed.",
				Map.of("too large", new Example().summary("too large").value(tooLarge))));
		components.addResponses(UNSUPPORTED_MEDIA_TYPE, response("The body is not `application/json`.",
				example("not JSON", 415, "Unsupported media type", "Send application/json.")));
		components.addResponses(NOT_ACCEPTABLE, response("None of the media types in `Accept` can be served.",
				example("not acceptable", 406, "Not Acceptable",
						"Acceptable representations: [application/json, application/pidf+xml].")));
	}

	static ApiResponse ref(String name) {
		return new ApiResponse().$ref("#/components/responses/" + name);
	}

	/**
	 * 400: the reasons given, an example naming {@code field} as the handler would and, for a request
	 * body, a malformed one.
	 */
	static ApiResponse invalid(List<String> reasons, String field, boolean body) {
		Map<String, Example> examples = new LinkedHashMap<>();
		var invalid = problem(400, "Invalid input", "One or more fields are invalid.");
		invalid.put("errors", List.of(body ? violation(field, "required", "must be given")
				: violation(field, "type", "has the wrong type or format")));
		examples.put("invalid", new Example().summary("a field is invalid").value(invalid));
		if (body) {
			var mistyped = problem(400, "Invalid input", "One or more fields are invalid.");
			mistyped.put("errors", List.of(violation("version", "type", "must be a whole number")));
			examples.put("mistyped", new Example().summary("a value of the wrong type, e.g. 3.9 or \"3\" for a whole number")
				.value(mistyped));
			examples.put("malformed", new Example().summary("not JSON").value(problem(400,
					"Malformed request body", "The body is not valid JSON (line 1, column 12).")));
		}
		return response(String.join(" ", reasons) + " Nothing was changed.", examples);
	}

	static ApiResponse notFound(String meaning, String subject) {
		return response(meaning, example("not found", 404, "Not found", subject + " not found"));
	}

	/**
	 * 403, 413, 422 or 429 of a well-formed request: the status's meaning, each refusal's {@code code} with an
	 * example; 429 with its {@code Retry-After} header.
	 */
	static ApiResponse refused(int status, List<ProblemAnswers.Refusal> refusals) {
		String lead = switch (status) {
			case 403 -> "The resource exists, but the caller may not act on it; nothing was changed.";
			case 413 -> "Content in the body is over its limit; nothing was changed.";
			case 422 -> "A valid request the center cannot serve now; nothing was changed.";
			case 429 -> "Too many requests; nothing was changed. Wait the seconds `Retry-After` gives, then retry.";
			default -> "The request is refused; nothing was changed.";
		};
		var text = new StringBuilder(lead).append(" `code` says why:");
		Map<String, Example> examples = new LinkedHashMap<>();
		for (var r : refusals) {
			text.append("\n- `").append(r.code()).append("`: ").append(r.meaning());
			var body = problem(status, HttpStatus.valueOf(status).getReasonPhrase(), r.exampleDetail());
			body.put("code", r.code());
			examples.put(r.code(), new Example().summary(r.code()).value(body));
		}
		var response = response(text.toString(), examples);
		if (status == 429) {
			response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
				.schema(type("integer", "Seconds.").format("int32")));
		}
		return response;
	}

	/**
	 * One answer of the same status for two reasons: a shared refusal ({@code general}, a reference to the
	 * components, such as a role's 403) and the operation's own, with the examples of both.
	 */
	static ApiResponse either(Components components, String general, ApiResponse own) {
		ApiResponse shared = components.getResponses().get(general);
		if (own.getDescription().startsWith(shared.getDescription())) {
			return own; // merged already
		}
		var sharedMedia = shared.getContent().get(PROBLEM_JSON);
		var ownMedia = own.getContent().get(PROBLEM_JSON);
		Map<String, Example> examples = new LinkedHashMap<>(sharedMedia.getExamples());
		examples.putAll(ownMedia.getExamples());
		String reason = own.getDescription();
		var merged = response(shared.getDescription() + " Or, with a `code`: "
				+ Character.toLowerCase(reason.charAt(0)) + reason.substring(1), examples);
		merged.setHeaders(own.getHeaders());
		return merged;
	}

	static ApiResponse conflict(ProblemAnswers.Conflict... conflicts) {
		var text = new StringBuilder("The request conflicts with the current state; nothing was changed. `code` says why:");
		Map<String, Example> examples = new LinkedHashMap<>();
		for (var c : conflicts) {
			text.append("\n- `").append(c.code()).append("`: ").append(c.meaning());
			var body = problem(409, "Conflict", c.exampleDetail());
			body.put("code", c.code());
			examples.put(c.code(), new Example().summary(c.code()).value(body));
		}
		return response(text.toString(), examples);
	}

	private static ApiResponse response(String description, Map<String, Example> examples) {
		var media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)).examples(examples);
		return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, media));
	}

	private static Map<String, Example> example(String name, int status, String title, String detail) {
		return Map.of(name, new Example().summary(name).value(problem(status, title, detail)));
	}

	private static Map<String, String> violation(String field, String code, String message) {
		Map<String, String> violation = new LinkedHashMap<>();
		violation.put("field", field);
		violation.put("code", code);
		violation.put("message", message);
		return violation;
	}

	private static Map<String, Object> problem(int status, String title, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		return body;
	}

	private static Schema<Object> problem() {
		return object("An RFC 9457 problem detail. Every refusal of the API has this shape.")
			.addProperty("type", string("A URI naming the kind of problem; `about:blank` (the status says it all).")
				.format("uri-reference"))
			.addProperty("title", string("A short summary of the kind of problem, e.g. `Invalid input`."))
			.addProperty("status", type("integer", "The HTTP status code.").format("int32"))
			.addProperty("detail", string("What went wrong with this request, for people."))
			.addProperty("instance", string("The path of the request.").format("uri-reference"))
			.addProperty("limit", type("integer", "413 only: the largest request body taken, in bytes.").format("int64"))
			.addProperty("code", string("Why a request was refused, where its status has several reasons: 409 "
					+ codes(Arrays.stream(ProblemAnswers.Conflict.values()).map(ProblemAnswers.Conflict::code))
					+ "; 403, 413, 422 and 429 " + codes(Arrays.stream(ProblemAnswers.Refusal.values())
						.map(ProblemAnswers.Refusal::code))
					+ ". Absent where the status says it all (a role's 403, a body's 413)."))
			.addProperty("nextFreeSlot", string("422 `busy-slot` only: the customer's next free time, in their time "
					+ "zone (ISO 8601 with offset).").format("date-time"))
			.addProperty("timeZone", string("422 `busy-slot` only: the customer's time zone (IANA)."))
			.addProperty("field", string("422 `unknown-subject` only: the field naming what does not exist, "
					+ "e.g. `rules[0].queue`."))
			.addProperty("errors", type("array", "400 invalid input only: every invalid field, not just the first.")
				.items(new Schema<>().$ref("#/components/schemas/FieldError")))
			.required(List.of("title", "status"));
	}

	private static String codes(Stream<String> codes) {
		return codes.distinct().map(c -> "`" + c + "`").collect(Collectors.joining(", ", "(", ")"));
	}

	private static Schema<Object> fieldError() {
		return object("One invalid field of a refused request.")
			.addProperty("field", string("The field as the client sent it: a dotted path with indexes for nested "
					+ "values (`capabilities[1].address`, `deliveryAddress.postalCode`) or a parameter name."))
			.addProperty("code", string("What is wrong: `required`, `invalid`, `unknown`, `format`, `range`, "
					+ "`too-long`, `type`, ..."))
			.addProperty("message", string("The rule, in English, e.g. `must be between 1 and 200`."))
			.required(List.of("field", "code", "message"));
	}

	private static Schema<Object> object(String description) {
		return type("object", description);
	}

	private static Schema<Object> string(String description) {
		return type("string", description);
	}

	@SuppressWarnings("unchecked")
	private static Schema<Object> type(String type, String description) {
		return new Schema<>().type(type).types(Set.of(type)).description(description);
	}
}
