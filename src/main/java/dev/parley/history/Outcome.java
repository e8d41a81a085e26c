package dev.parley.history;

/** How the interaction ended. */
public enum Outcome {
	RESOLVED, FOLLOW_UP, ESCALATED, NO_ANSWER
}
