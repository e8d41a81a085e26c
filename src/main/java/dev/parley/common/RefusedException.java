package dev.parley.common;

/**
 * The request is understood but refused, for a reason its {@link Kind} names and its {@code code} tells
 * clients apart: someone else's resource ({@code not-yours}), something the center cannot serve now
 * ({@code queue-closed}, {@code medium-not-served}), too many requests, or too much content. Adapters map
 * the kinds to 403, 422, 429 and 413.
 */
public class RefusedException extends RuntimeException {

	public enum Kind {
		/** It exists, but the caller may not act on it. */
		NOT_YOURS,
		/** A valid request the center cannot serve now. */
		CANNOT_SERVE,
		/** The caller sends too many requests; {@link #retryAfterSeconds()} says when to try again. */
		TOO_MANY_REQUESTS,
		/** The content is larger than allowed. */
		TOO_LARGE
	}

	private final Kind kind;
	private final String code;
	private final long retryAfterSeconds;
	private final java.util.Map<String, Object> details;

	public RefusedException(Kind kind, String code, String message) {
		this(kind, code, message, 0);
	}

	public RefusedException(Kind kind, String code, String message, long retryAfterSeconds) {
		this(kind, code, message, retryAfterSeconds, java.util.Map.of());
	}

	/** With more facts for clients (a busy customer's next free slot, say), added to the problem answer. */
	public RefusedException(Kind kind, String code, String message, long retryAfterSeconds,
			java.util.Map<String, Object> details) {
		super(message);
		this.kind = kind;
		this.code = code;
		this.retryAfterSeconds = retryAfterSeconds;
		this.details = java.util.Map.copyOf(details);
	}

	public Kind kind() {
		return kind;
	}

	public String code() {
		return code;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** Facts beyond the message, by name (none for most refusals). */
	public java.util.Map<String, Object> details() {
		return details;
	}
}
