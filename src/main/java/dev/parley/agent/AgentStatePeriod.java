package dev.parley.agent;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time an agent spent in one state (with its reason when not ready). */
public record AgentStatePeriod(AgentState state, AgentState.Reason reason, Instant from, Instant to) {

	public Duration duration() {
		return Duration.between(from, to);
	}
}
