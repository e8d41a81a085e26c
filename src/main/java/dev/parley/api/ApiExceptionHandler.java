package dev.parley.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.parley.common.ConflictException;
import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import tools.jackson.core.JacksonException;

/**
 * Maps every error of the API to an RFC 9457 problem detail. Invalid input gets 400 with an
 * {@code errors} array naming each field; nothing of a request that fails is saved.
 */
@RestControllerAdvice(basePackages = "dev.parley.api")
@Order(0)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "One or more fields are invalid.", e.violations());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
		List<FieldViolation> violations = new ArrayList<>();
		e.getBindingResult().getFieldErrors().forEach(f -> violations
			.add(new FieldViolation(f.getField(), f.getCode(), f.getDefaultMessage())));
		e.getBindingResult().getGlobalErrors().forEach(g -> violations
			.add(new FieldViolation(g.getObjectName(), g.getCode(), g.getDefaultMessage())));
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "One or more fields are invalid.", violations);
	}

	/**
	 * A body that is not JSON says where the parser stopped; a value of the wrong type or format names its field
	 * and what it must be (a rating of 4.99 or "5": "must be a whole number"); a value a record refused is
	 * invalid input like any other.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException invalid) {
				return invalid(invalid);
			}
		}
		if (e.getCause() instanceof JacksonException j) {
			return unreadableJson(j);
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body", JsonReadErrors.notJson(e.getCause()),
				List.of());
	}

	/** A body that JSON could not read (the request's, or a chat socket's frame). */
	ResponseEntity<ProblemDetail> unreadableJson(JacksonException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof InvalidInputException invalid) {
				return invalid(invalid);
			}
		}
		List<FieldViolation> violations = JsonReadErrors.violations(e);
		if (!violations.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid input", "One or more fields are invalid.", violations);
		}
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body", JsonReadErrors.notJson(e), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A parameter has the wrong type.",
				List.of(new FieldViolation(e.getName(), "type", JsonReadErrors.mustBe(e.getRequiredType()))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A required parameter is missing.",
				List.of(new FieldViolation(e.getParameterName(), "required", "is required")));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "No such resource.", List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException e) {
		var response = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), List.of());
		response.getBody().setProperty("code", e.code());
		return response;
	}

	@ExceptionHandler(RefusedException.class)
	ResponseEntity<ProblemDetail> refused(RefusedException e) {
		HttpStatus status = switch (e.kind()) {
			case NOT_YOURS -> HttpStatus.FORBIDDEN;
			case CANNOT_SERVE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
		};
		var response = problem(status, status.getReasonPhrase(), e.getMessage(), List.of());
		response.getBody().setProperty("code", e.code());
		e.details().forEach(response.getBody()::setProperty);
		if (e.kind() == RefusedException.Kind.TOO_MANY_REQUESTS) {
			return ResponseEntity.status(status).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
		}
		return response;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
		return conflict(ConflictException.stale("The resource"));
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not use this resource.", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		var response = problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
				"This address does not take " + e.getMethod() + ".", List.of());
		if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(e.getSupportedHttpMethods().toArray(
					org.springframework.http.HttpMethod[]::new)).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(response.getBody());
		}
		return response;
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"Send application/json.", List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected API error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side.",
				List.of());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<FieldViolation> violations) {
		var body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle(title);
		if (!violations.isEmpty()) {
			body.setProperty("errors", violations.stream()
				.map(v -> Map.of("field", v.field(), "code", v.code() == null ? "invalid" : v.code(), "message",
						v.message() == null ? "is invalid" : v.message()))
				.toList());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}
}
