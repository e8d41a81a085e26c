package dev.parley.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Completes every operation of the OpenAPI document with the problem answers it can give, so that no
 * controller lists them by hand. Per operation (from its request body, parameters and
 * {@link ProblemAnswers}): 400 when a body or a typed parameter can be invalid, 404, 409 with its codes,
 * 406, and 413 and 415 for a body. Per path (from {@link Audience}): who may call it, 401 unless public,
 * 403 when only some roles may. Summaries, descriptions and examples stay on the controller methods.
 */
class ApiDocumentation implements OperationCustomizer, OpenApiCustomizer {

	private static final String BODY_INVALID = "The body breaks a rule: `errors` names every invalid field "
			+ "(e.g. `capabilities[1].address`), or the body is not JSON of the expected shape (no `errors`).";

	private static final String PARAMETER_INVALID = "A parameter has the wrong type or is out of range: "
			+ "`errors` names it.";

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		var answers = handler.getMethodAnnotation(ProblemAnswers.class);
		boolean body = operation.getRequestBody() != null;
		List<String> reasons = new ArrayList<>();
		if (body) {
			reasons.add(BODY_INVALID);
		}
		if (hasTypedParameter(operation)) {
			reasons.add(PARAMETER_INVALID);
		}
		if (answers != null && !answers.invalid().isEmpty()) {
			reasons.add(answers.invalid());
		}
		var responses = responses(operation);
		if (!reasons.isEmpty()) {
			responses.addApiResponse("400", ProblemResponses.invalid(reasons, exampleField(operation, handler), body));
		}
		if (answers != null && !answers.notFound().isEmpty()) {
			responses.addApiResponse("404", ProblemResponses.notFound(answers.notFound(), answers.subject()));
		}
		if (answers != null && answers.negotiates()) {
			responses.addApiResponse("406", ProblemResponses.ref(ProblemResponses.NOT_ACCEPTABLE));
		}
		if (answers != null && answers.conflicts().length > 0) {
			responses.addApiResponse("409", ProblemResponses.conflict(answers.conflicts()));
		}
		if (answers != null && answers.refusals().length > 0) {
			refusals(responses, answers.refusals());
		}
		if (body) {
			responses.addApiResponse("413", ProblemResponses.ref(ProblemResponses.CONTENT_TOO_LARGE));
			responses.addApiResponse("415", ProblemResponses.ref(ProblemResponses.UNSUPPORTED_MEDIA_TYPE));
		}
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		ProblemResponses.register(openApi.getComponents());
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
			boolean publicOperation = operation.getSecurity() != null && operation.getSecurity().isEmpty();
			var audience = Audience.of(path, publicOperation);
			operation.description(join(operation.getDescription(), "**Who may call it:** " + audience.who() + "."));
			var responses = responses(operation);
			if (!publicOperation) {
				responses.addApiResponse("401", ProblemResponses.ref(ProblemResponses.UNAUTHORIZED));
			}
			if (audience.restricted() && !responses.containsKey("403")) {
				responses.addApiResponse("403", ProblemResponses.ref(ProblemResponses.FORBIDDEN));
			}
			operation.responses(sorted(responses));
		}));
	}

	private static void refusals(ApiResponses responses, ProblemAnswers.Refusal[] refusals) {
		var byStatus = new TreeMap<Integer, List<ProblemAnswers.Refusal>>();
		for (var r : refusals) {
			byStatus.computeIfAbsent(r.status(), k -> new ArrayList<>()).add(r);
		}
		byStatus.forEach((status, list) -> responses.addApiResponse(String.valueOf(status), switch (status) {
			case 403 -> ProblemResponses.refusals(403, "Forbidden", "The caller's role may not use this operation "
					+ "(`code` absent), or the resource is someone else's.", list);
			case 429 -> ProblemResponses.refusals(429, "Too Many Requests", "Too many requests; `Retry-After` says "
					+ "after how many seconds to try again.", list);
			default -> ProblemResponses.refusals(status, "Unprocessable Content", "A rule of the center refuses "
					+ "the request.", list);
		}));
	}

	/** The field a 400 example names: the body's {@code version} (or first field), else the first parameter. */
	private static String exampleField(Operation operation, HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()) {
				var fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
				return fields.contains("version") ? "version" : fields.get(0);
			}
		}
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		return parameters.stream().filter(p -> typed(p.getSchema())).map(Parameter::getName).findFirst()
			.orElse(parameters.isEmpty() ? "body" : parameters.get(0).getName());
	}

	/** A parameter whose value can fail to convert or to pass a range check: an integer or a UUID. */
	private static boolean hasTypedParameter(Operation operation) {
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		return parameters.stream().map(Parameter::getSchema).anyMatch(ApiDocumentation::typed);
	}

	private static boolean typed(Schema<?> schema) {
		if (schema == null) {
			return false;
		}
		boolean integer = "integer".equals(schema.getType())
				|| schema.getTypes() != null && schema.getTypes().contains("integer");
		return integer || "uuid".equals(schema.getFormat());
	}

	private static ApiResponses responses(Operation operation) {
		if (operation.getResponses() == null) {
			operation.responses(new ApiResponses());
		}
		return operation.getResponses();
	}

	private static ApiResponses sorted(ApiResponses responses) {
		var sorted = new ApiResponses();
		new TreeMap<String, ApiResponse>(responses).forEach(sorted::addApiResponse);
		if (responses.getExtensions() != null) {
			sorted.setExtensions(responses.getExtensions());
		}
		return sorted;
	}

	private static String join(String description, String more) {
		if (description == null || description.isBlank()) {
			return more;
		}
		return description.contains(more) ? description : description + "\n\n" + more;
	}
}
