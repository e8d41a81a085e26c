package dev.parley.common;

import java.util.ArrayList;
import java.util.List;

/** Collects every field violation of one input, then throws them together. */
public final class Violations {

	private final List<FieldViolation> list = new ArrayList<>();

	public Violations add(String field, String code, String message) {
		list.add(new FieldViolation(field, code, message));
		return this;
	}

	/** Adds a violation when {@code broken} is true. */
	public Violations check(boolean broken, String field, String code, String message) {
		if (broken) {
			add(field, code, message);
		}
		return this;
	}

	public Violations required(String value, String field) {
		return check(value == null || value.isBlank(), field, "required", "must not be blank");
	}

	public Violations maxLength(String value, int max, String field) {
		return check(value != null && value.length() > max, field, "too-long", "must be at most " + max + " characters");
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}

	public void throwIfAny() {
		if (!list.isEmpty()) {
			throw new InvalidInputException(list);
		}
	}
}
