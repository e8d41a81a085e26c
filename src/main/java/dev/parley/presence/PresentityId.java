package dev.parley.presence;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.common.InvalidInputException;

/**
 * The key of a PRESENTITY (RFC 2778): a kind and a key (an account UUID, a queue key, ...). Its token,
 * {@code <kind>-<key>} ({@link #userPart()}: {@code agent-<uuid>}, {@code queue-billing}), is how the adapters
 * name it: the user part of their URIs, a path segment. The URIs themselves, with their scheme and domain, are
 * the adapters' business, not the model's.
 */
public record PresentityId(PresentityKind kind, String key) {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	public PresentityId {
		Objects.requireNonNull(kind, "kind");
		if (key == null || !KEY.matcher(key).matches()) {
			throw InvalidInputException.of("presentity", "invalid",
					"key must be 1 to 64 letters, digits, '.', '_' or '-'");
		}
	}

	public static PresentityId customer(UUID account) {
		return new PresentityId(PresentityKind.CUSTOMER, account.toString());
	}

	public static PresentityId agent(UUID account) {
		return new PresentityId(PresentityKind.AGENT, account.toString());
	}

	public static PresentityId queue(String key) {
		return new PresentityId(PresentityKind.QUEUE, key);
	}

	public static PresentityId group(String key) {
		return new PresentityId(PresentityKind.GROUP, key);
	}

	public static PresentityId center(String key) {
		return new PresentityId(PresentityKind.CENTER, key);
	}

	/** The token: {@code <kind>-<key>}, e.g. {@code agent-<uuid>}. */
	public String userPart() {
		return kind.token() + "-" + key;
	}

	/** Reads a token written by {@link #userPart()}; empty when it names no kind or its key is not a valid one. */
	public static Optional<PresentityId> ofUserPart(String token) {
		int dash = token == null ? -1 : token.indexOf('-');
		PresentityKind kind = dash < 0 ? null : PresentityKind.ofToken(token.substring(0, dash));
		String key = kind == null ? null : token.substring(dash + 1);
		return key != null && KEY.matcher(key).matches() ? Optional.of(new PresentityId(kind, key)) : Optional.empty();
	}

	@Override
	public String toString() {
		return userPart();
	}
}
