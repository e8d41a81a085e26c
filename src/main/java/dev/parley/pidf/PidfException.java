package dev.parley.pidf;

import java.util.List;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;

/**
 * A presence body that cannot be used: too large, not well-formed, carrying a DTD, or breaking PIDF's
 * rules. Names what is wrong ({@code field} is a place in the document such as {@code tuple.id});
 * adapters map it to 400 (SIP and HTTP alike).
 */
public class PidfException extends InvalidInputException {

	public PidfException(List<FieldViolation> violations) {
		super(violations);
	}

	public static PidfException of(String field, String code, String message) {
		return new PidfException(List.of(new FieldViolation(field, code, message)));
	}
}
