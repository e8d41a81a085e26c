package dev.parley.invitations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.parley.agent.AgentState;
import dev.parley.common.Medium;

/**
 * When an agent a customer asked for is likely free, in one place and free of any store:
 * <ul>
 * <li>ready: now (no estimate: they answer the request);</li>
 * <li>busy: the soonest of their connected contacts to end, each taking the typical time of its medium (the median
 * of the agent's own last closed contacts of that medium when there are at least {@value #OWN_SAMPLES}, else of
 * its queue's last ones) less how long it has run; none measured: no estimate;</li>
 * <li>in wrap-up: the time left until the last of their wrap-up limits;</li>
 * <li>not ready, logged out: no estimate (nobody knows when they come back).</li>
 * </ul>
 * Handle times run from connection to close, so they hold the wrap-up that follows a contact.
 */
public final class FreeEstimate {

	/** How many of the agent's own handle times make their typical time; fewer fall back to the queue's. */
	public static final int OWN_SAMPLES = 3;

	private FreeEstimate() {
	}

	/** A contact the agent has now: its medium and queue, since when it is connected, its wrap-up limit (or null). */
	public record Current(Medium medium, String queue, Instant connectedAt, Instant wrapUpDeadline) {

		boolean wrappingUp() {
			return wrapUpDeadline != null;
		}
	}

	/**
	 * The estimate for an agent in {@code state} with the contacts they have now; {@code typical} gives the typical
	 * handle time of a contact (empty when nothing was measured). Empty: no estimate.
	 */
	public static Optional<Duration> of(AgentState state, List<Current> current,
			Function<Current, Optional<Duration>> typical, Instant now) {
		return switch (state) {
			case BUSY -> current.stream().filter(c -> !c.wrappingUp())
				.flatMap(c -> typical.apply(c).map(t -> left(t.minus(Duration.between(c.connectedAt(), now)))).stream())
				.min(Comparator.naturalOrder());
			case WRAP_UP -> current.stream().filter(Current::wrappingUp)
				.map(c -> left(Duration.between(now, c.wrapUpDeadline()))).max(Comparator.naturalOrder());
			case READY, NOT_READY, LOGGED_OUT -> Optional.empty();
		};
	}

	/**
	 * The typical handle time: the median of the agent's own recent handle times when there are at least
	 * {@value #OWN_SAMPLES}, else the median of the queue's; empty when neither has any.
	 */
	public static Optional<Duration> typical(List<Duration> own, List<Duration> queue) {
		if (own.size() >= OWN_SAMPLES) {
			return Optional.of(median(own));
		}
		return queue.isEmpty() ? Optional.empty() : Optional.of(median(queue));
	}

	private static Duration median(List<Duration> times) {
		List<Duration> sorted = new ArrayList<>(times);
		sorted.sort(Comparator.naturalOrder());
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
	}

	private static Duration left(Duration d) {
		return d.isNegative() ? Duration.ZERO : d;
	}
}
