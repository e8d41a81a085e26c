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

	/**
	 * A single-line text field: at most {@code max} characters, and text by {@link Text}'s rule (no control
	 * character, no line break or tab, no lone surrogate or noncharacter). The one rule every text field follows.
	 */
	public Violations text(String value, int max, String field) {
		maxLength(value, max, field);
		return characters(value, false, field);
	}

	/** A multi-line text field (a note, a summary, a message): as {@link #text}, but tab and line breaks are fine. */
	public Violations lines(String value, int max, String field) {
		maxLength(value, max, field);
		return characters(value, true, field);
	}

	/** Only {@link Text}'s rule, for a single-line field whose length another rule bounds. */
	public Violations text(String value, String field) {
		return characters(value, false, field);
	}

	private Violations characters(String value, boolean multiLine, String field) {
		int at = multiLine ? Text.forbiddenInLines(value) : Text.forbiddenInLine(value);
		return check(at >= 0, field, "characters", at < 0 ? null : Text.message(value, at, multiLine));
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
