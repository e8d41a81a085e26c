package dev.parley.common;

import java.util.List;

/** Input that breaks a rule; nothing was changed. Adapters map it to 400 and name each field. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidInputException(List<FieldViolation> violations) {
		super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public static InvalidInputException of(String field, String code, String message) {
		return new InvalidInputException(List.of(new FieldViolation(field, code, message)));
	}

	public List<FieldViolation> violations() {
		return violations;
	}
}
