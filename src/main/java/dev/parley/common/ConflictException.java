package dev.parley.common;

/**
 * The request is well formed but conflicts with the current state: a rule of the state machine
 * (cancel a shipped order), a duplicate, or a stale edit. Adapters map it to 409.
 */
public class ConflictException extends RuntimeException {

	private final String code;

	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

	/** A stale edit: the version the client edited is no longer the current one. */
	public static ConflictException stale(String what) {
		return new ConflictException("stale", what + " was changed by someone else; reload and try again");
	}
}
