package dev.parley.routing;

import java.util.Locale;

/**
 * The life of an interaction: queued, offered (to one agent), connected, wrap-up (the agent finishes it),
 * closed; or abandoned (the customer left before an agent took it). A transfer takes a connected interaction
 * back to queued (another queue) or to offered (a named agent).
 */
public enum InteractionState {
	QUEUED, OFFERED, CONNECTED, WRAP_UP, CLOSED, ABANDONED;

	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Waiting for an agent. */
	public boolean isWaiting() {
		return this == QUEUED || this == OFFERED;
	}

	/** Over: nothing more happens to it. */
	public boolean isFinal() {
		return this == CLOSED || this == ABANDONED;
	}

	/** An agent has it: connected or wrapping it up. */
	public boolean isHandled() {
		return this == CONNECTED || this == WRAP_UP;
	}
}
