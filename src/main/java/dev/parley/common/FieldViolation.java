package dev.parley.common;

/**
 * One invalid input field: the field's name as the client sent it (dotted path for nested
 * values, e.g. {@code capabilities[1].address}), a message code and a default English message.
 */
public record FieldViolation(String field, String code, String message) {
}
