package dev.parley.agent;

import java.time.Instant;

import dev.parley.common.Violations;

/** An agent's routing state, the reason when not ready, and since when. */
public record AgentStatus(AgentState state, AgentState.Reason reason, Instant since) {

	public static AgentStatus loggedOut() {
		return new AgentStatus(AgentState.LOGGED_OUT, null, null);
	}

	/**
	 * Reads an agent's choice: {@code state} must be logged-out, not-ready or ready (busy and wrap-up follow from
	 * their work), {@code reason} given exactly when not ready.
	 */
	public static AgentStatus parse(String state, String reason, Instant now) {
		AgentState s = AgentState.ofToken(state);
		AgentState.Reason r = reason == null || reason.isBlank() ? null : AgentState.Reason.ofToken(reason);
		new Violations()
			.check(s == null, "state", "invalid", "must be logged-out, not-ready or ready")
			.check(s != null && !s.isChosen(), "state", "derived",
					"busy and wrap-up follow from your work; choose logged-out, not-ready or ready")
			.check(reason != null && !reason.isBlank() && (r == null || r == AgentState.Reason.MISSED_OFFER), "reason",
					"invalid", "must be break, meal, meeting, training or other")
			.check(s == AgentState.NOT_READY && r == null && (reason == null || reason.isBlank()), "reason", "required",
					"a not-ready agent gives a reason")
			.throwIfAny();
		return new AgentStatus(s, s == AgentState.NOT_READY ? r : null, now);
	}
}
