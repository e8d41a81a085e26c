package dev.parley.presence;

import java.util.Objects;

/** What the access rules say about one watcher of one presentity. */
public record AccessDecision(SubHandling handling, Visibility visibility) {

	public AccessDecision {
		Objects.requireNonNull(handling, "handling");
		Objects.requireNonNull(visibility, "visibility");
	}

	public static AccessDecision allow(Visibility visibility) {
		return new AccessDecision(SubHandling.ALLOW, visibility);
	}

	/** RFC 5025 combination: the most permissive handling and the widest visibility win. */
	public AccessDecision combine(AccessDecision other) {
		if (other == null) {
			return this;
		}
		Visibility wider = visibility.compareTo(other.visibility) >= 0 ? visibility : other.visibility;
		return new AccessDecision(handling.mostPermissive(other.handling), wider);
	}
}
