package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

import dev.parley.common.InvalidInputException;

/**
 * Field messages for pages: field name to message, first message per field. Templates show them
 * next to the field ({@code errors['phone']}) and mark the input {@code aria-invalid}.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static Map<String, String> of(InvalidInputException e) {
		Map<String, String> map = new LinkedHashMap<>();
		e.violations().forEach(v -> map.putIfAbsent(v.field(), v.message()));
		return map;
	}

	/** Copies domain violations into a Spring binding result, for forms bound with th:object. */
	public static void into(InvalidInputException e, BindingResult result) {
		e.violations().forEach(v -> {
			if (result.getTarget() != null && hasField(result, v.field())) {
				result.rejectValue(v.field(), v.code(), v.message());
			}
			else {
				result.reject(v.code(), v.field() + ": " + v.message());
			}
		});
	}

	private static boolean hasField(BindingResult result, String field) {
		try {
			result.getFieldType(field);
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}
}
