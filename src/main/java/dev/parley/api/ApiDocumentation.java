package dev.parley.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 * its other refusals (403, 413, 422, 429) with theirs, 406, and 413 and 415 for a body. Per path (from
 * {@link Audience}): who may call it (in words and as {@value #ROLES}), 401 unless public, 403 when only some
 * roles may (one 403 with the operation's own, when it has one). Summaries, descriptions and examples stay
 * on the controller methods.
 */
class ApiDocumentation implements OperationCustomizer, OpenApiCustomizer {

	private static final String BODY_INVALID = "The body breaks a rule: `errors` names every invalid field "
			+ "(e.g. `capabilities[1].address`), a value not of its field's type (`4.99` or `\"5\"` for a whole number: "
			+ "code `type`) and text holding a control character, a lone surrogate or a noncharacter (tab and line "
			+ "breaks only in multi-line fields: code `characters`); or the body is not JSON (no `errors`).";

	/** The extension listing the roles that may call an operation (absent for a public one). */
	static final String ROLES = "x-roles";

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
		if (answers != null) {
			Arrays.stream(answers.refusals())
				.collect(Collectors.groupingBy(ProblemAnswers.Refusal::status, TreeMap::new, Collectors.toList()))
				.forEach((status, refusals) -> responses.addApiResponse(String.valueOf(status),
						ProblemResponses.refused(status, refusals)));
		}
		if (body) {
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
			if (!publicOperation) {
				operation.addExtension(ROLES, audience.roles().stream().map(Enum::name).toList());
			}
			var responses = responses(operation);
			if (!publicOperation) {
				responses.addApiResponse("401", ProblemResponses.ref(ProblemResponses.UNAUTHORIZED));
			}
			var components = openApi.getComponents();
			merge(responses, "403", ProblemResponses.FORBIDDEN, audience.restricted(), components);
			merge(responses, "413", ProblemResponses.CONTENT_TOO_LARGE, operation.getRequestBody() != null, components);
			operation.responses(sorted(responses));
		}));
	}

	/**
	 * Adds the shared refusal {@code general} under {@code status} when it {@code applies}; one the operation
	 * gives for its own reasons under the same status becomes one answer with both.
	 */
	private static void merge(ApiResponses responses, String status, String general, boolean applies,
			io.swagger.v3.oas.models.Components components) {
		if (!applies) {
			return;
		}
		ApiResponse own = responses.get(status);
		responses.addApiResponse(status, own == null || own.get$ref() != null ? ProblemResponses.ref(general)
				: ProblemResponses.either(components, general, own));
	}

	/**
	 * The field a 400 example names: the one {@link ProblemAnswers} gives, the body's {@code version} (or first
	 * field), else the first typed parameter.
	 */
	private static String exampleField(Operation operation, HandlerMethod handler) {
		var answers = handler.getMethodAnnotation(ProblemAnswers.class);
		if (answers != null && !answers.exampleField().isEmpty()) {
			return answers.exampleField();
		}
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
