package dev.parley.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.parley.common.FieldViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with a body or a parameter the way a client reads it: which field, and what it must be ("must
 * be a whole number", "must be one of CHAT, VOICE"), never a Java type, a method or a parser's inside.
 */
final class JsonReadErrors {

	private JsonReadErrors() {
	}

	/** The field a Jackson error is about, with what the field must be; empty when it is about no field. */
	static List<FieldViolation> violations(JacksonException e) {
		if (e instanceof StreamReadException) {
			return List.of(); // not JSON at all (broken or cut short), even if it broke inside a field's value
		}
		String field = path(e.getPath());
		if (field.isEmpty()) {
			return List.of();
		}
		Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
		return List.of(new FieldViolation(field, "type", mustBe(type)));
	}

	/** The sentence for a body that is not JSON at all, with where the parser stopped. */
	static String notJson(Throwable cause) {
		if (cause instanceof StreamReadException s && s.getLocation() != null && s.getLocation().getLineNr() > 0) {
			return "The body is not valid JSON (line " + s.getLocation().getLineNr() + ", column "
					+ s.getLocation().getColumnNr() + ").";
		}
		return "The body is not valid JSON of the expected shape.";
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

	/** What a value of this type must look like, in the client's words. */
	static String mustBe(Class<?> type) {
		if (type == null) {
			return "has the wrong type or format";
		}
		if (type == int.class || type == long.class || type == short.class || type == Integer.class
				|| type == Long.class || type == Short.class || type == BigInteger.class) {
			return "must be a whole number";
		}
		if (type == double.class || type == float.class || type == Double.class || type == Float.class
				|| type == BigDecimal.class) {
			return "must be a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be text";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
				.collect(Collectors.joining(", "));
		}
		if (type == LocalDate.class) {
			return "must be a date like 2026-03-01";
		}
		if (type == LocalTime.class) {
			return "must be a time of day like 09:30";
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
				|| type == LocalDateTime.class) {
			return "must be a date and time like 2026-03-01T09:30:00Z";
		}
		if (type == ZoneId.class) {
			return "must be a time zone like Europe/Berlin";
		}
		if (type == UUID.class) {
			return "must be an id like 3481cdb4-035b-418e-8496-c95f440e6ccc";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be a list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "must be an object";
		}
		return "has the wrong type or format";
	}
}
