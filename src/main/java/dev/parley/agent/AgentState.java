package dev.parley.agent;

import java.util.Locale;

/**
 * An agent's routing state: logged out, not ready (with a {@link Reason}), ready for work, busy (no free
 * capacity) or in wrap-up after an interaction. Tokens ({@code not-ready}) are what pages and the API show.
 */
public enum AgentState {
	LOGGED_OUT, NOT_READY, READY, BUSY, WRAP_UP;

	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The state a token names, or null. */
	public static AgentState ofToken(String token) {
		for (AgentState s : values()) {
			if (s.token().equals(token)) {
				return s;
			}
		}
		return null;
	}

	/** Whether an agent in this state is signed in to take work at all. */
	public boolean isLoggedIn() {
		return this != LOGGED_OUT;
	}

	/** Whether the agent chose to take work: ready, or busy and in wrap-up, which Parley derives from their work. */
	public boolean isAvailable() {
		return this == READY || this == BUSY || this == WRAP_UP;
	}

	/** The states an agent chooses; busy and wrap-up follow from their work. */
	public boolean isChosen() {
		return this == LOGGED_OUT || this == NOT_READY || this == READY;
	}

	/** Why a not-ready agent is not ready (reason codes); {@code MISSED_OFFER} is set by routing. */
	public enum Reason {
		BREAK, MEAL, MEETING, TRAINING, OTHER, MISSED_OFFER;

		public String token() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The reason a token names, or null. */
		public static Reason ofToken(String token) {
			for (Reason r : values()) {
				if (r.token().equals(token)) {
					return r;
				}
			}
			return null;
		}
	}
}
