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

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The body is not valid JSON of the expected shape: " + firstLine(e.getMostSpecificCause().getMessage()),
				List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A parameter has the wrong type.",
				List.of(new FieldViolation(e.getName(), "type", "has the wrong type or format")));
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
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), List.of());
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

	private static String firstLine(String s) {
		if (s == null) {
			return "unreadable";
		}
		String line = s.lines().findFirst().orElse(s);
		return line.length() > 200 ? line.substring(0, 200) : line;
	}
}
