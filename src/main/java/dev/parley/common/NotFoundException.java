package dev.parley.common;

/**
 * The thing asked for does not exist for this caller. Used alike for "does not exist" and "belongs
 * to someone else", so a caller cannot learn whether another customer's data exists.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}
