package dev.parley.presence;

import java.time.Instant;
import java.util.Set;

import dev.parley.common.Violations;

/** An agent's routing state, the reason when not ready, and since when; mapped to one presence tuple. */
public record AgentStatus(AgentState state, AgentState.Reason reason, Instant since) {

	public static AgentStatus loggedOut() {
		return new AgentStatus(AgentState.LOGGED_OUT, null, null);
	}

	/** Reads user input: {@code state} must be a known token, {@code reason} given exactly when not ready. */
	public static AgentStatus parse(String state, String reason, Instant now) {
		AgentState s = AgentState.ofToken(state);
		AgentState.Reason r = reason == null || reason.isBlank() ? null : AgentState.Reason.ofToken(reason);
		new Violations()
			.check(s == null, "state", "invalid", "must be logged-out, not-ready, ready, busy or wrap-up")
			.check(reason != null && !reason.isBlank() && r == null, "reason", "invalid",
					"must be break, meal, meeting, training or other")
			.check(s == AgentState.NOT_READY && r == null && (reason == null || reason.isBlank()), "reason", "required",
					"a not-ready agent gives a reason")
			.throwIfAny();
		return new AgentStatus(s, s == AgentState.NOT_READY ? r : null, now);
	}

	/** The tuple {@code routing}: closed when logged out, else open with what the agent is doing. */
	public PresenceTuple tuple() {
		PresenceTuple t = PresenceTuple.of(AgentStates.TUPLE,
				state == AgentState.LOGGED_OUT ? BasicStatus.CLOSED : BasicStatus.OPEN);
		Set<Activity> activities = switch (state) {
			case LOGGED_OUT, READY -> Set.of();
			case NOT_READY -> Set.of(reason.activity());
			case BUSY -> Set.of(Activity.BUSY);
			case WRAP_UP -> Set.of(Activity.WRAP_UP);
		};
		return new PresenceTuple(t.id(), t.status(), null, activities, null, since, null, null);
	}
}
