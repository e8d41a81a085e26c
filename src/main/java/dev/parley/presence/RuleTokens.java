package dev.parley.presence;

import java.util.Locale;

import dev.parley.common.Violations;

/** The words of rules on the wire and in forms: allow, confirm, polite-block, block; nothing, basic, full. */
public final class RuleTokens {

	private RuleTokens() {
	}

	public static String token(SubHandling handling) {
		return handling.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static String token(Visibility visibility) {
		return switch (visibility) {
			case NOTHING -> "nothing";
			case BASIC_ONLY -> "basic";
			case FULL -> "full";
		};
	}

	/** Reads a handling and a visibility, adding a violation per bad one; null when anything is wrong. */
	public static AccessDecision decision(String handling, String visibility, String field, Violations v) {
		SubHandling h = null;
		for (SubHandling candidate : SubHandling.values()) {
			if (token(candidate).equals(handling)) {
				h = candidate;
			}
		}
		Visibility s = null;
		for (Visibility candidate : Visibility.values()) {
			if (token(candidate).equals(visibility)) {
				s = candidate;
			}
		}
		v.check(h == null, field + ".handling", "invalid", "must be allow, confirm, polite-block or block");
		v.check(s == null, field + ".visibility", "invalid", "must be nothing, basic or full");
		return h == null || s == null ? null : new AccessDecision(h, s);
	}
}
