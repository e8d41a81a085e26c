package dev.parley.common;

/**
 * How an interaction ended: the disposition an agent picks at wrap-up and the outcome history keeps
 * (message keys {@code outcome.<NAME>}).
 */
public enum Outcome {
	RESOLVED, FOLLOW_UP, ESCALATED, NO_ANSWER
}
