package dev.parley.presence;

import java.util.Locale;

/**
 * An agent's routing state as the broker sets it, and how it reads as presence (digest section 1.4):
 * logged out is closed; every other state is open, with RPID activities for what the agent is doing.
 */
public enum AgentState {
	LOGGED_OUT, NOT_READY, READY, BUSY, WRAP_UP;

	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static AgentState ofToken(String token) {
		for (AgentState s : values()) {
			if (s.token().equals(token)) {
				return s;
			}
		}
		return null;
	}

	/** Why a not-ready agent is not ready, and the RPID activity that says so. */
	public enum Reason {
		BREAK(Activity.AWAY), MEAL(Activity.MEAL), MEETING(Activity.MEETING), TRAINING(Activity.PRESENTATION),
		OTHER(Activity.AWAY);

		private final Activity activity;

		Reason(Activity activity) {
			this.activity = activity;
		}

		public Activity activity() {
			return activity;
		}

		public String token() {
			return name().toLowerCase(Locale.ROOT);
		}

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
