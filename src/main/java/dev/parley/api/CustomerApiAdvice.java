package dev.parley.api;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.parley.common.FieldViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * For the customer and attribute endpoints: a well-formed JSON body whose value has the wrong type or
 * format (an unknown medium, a time like 25:00) is invalid input naming the field, e.g.
 * {@code capabilities[1].medium}; a body that is not JSON at all stays "malformed".
 */
@RestControllerAdvice(assignableTypes = { CustomerApiController.class, RegistrationApiController.class,
		AttributeDefinitionsApiController.class })
@Order(-1)
class CustomerApiAdvice {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
			var field = path(m.getPath());
			return ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "Invalid input", "One or more fields are invalid.",
					List.of(new FieldViolation(field, "type", "has the wrong type or format")));
		}
		return new ApiExceptionHandler().unreadable(e);
	}

	static String path(List<JacksonException.Reference> path) {
		var text = new StringBuilder();
		for (var ref : path) {
			if (ref.getPropertyName() != null) {
				text.append(text.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				text.append('[').append(ref.getIndex()).append(']');
			}
		}
		return text.toString();
	}
}
