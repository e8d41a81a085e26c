package dev.parley.status;

import dev.parley.common.Violations;

/**
 * Erlang C (M/M/s, nobody abandons): the chance a contact waits, the mean wait, the share answered within a
 * target, and the fewest agents that reach a service level. {@code arrivalRate} contacts and {@code mu} services
 * per agent per unit of time.
 */
public final class ErlangC {

	private ErlangC() {
	}

	/** The probability that a contact finds every one of {@code agents} busy; 1 when the load is not below capacity. */
	public static double waitProbability(int agents, double arrivalRate, double mu) {
		double a = arrivalRate / mu;
		if (a >= agents) {
			return 1;
		}
		// Erlang B by its stable recursion, then C from B
		double b = 1;
		for (int k = 1; k <= agents; k++) {
			b = a * b / (k + a * b);
		}
		double rho = a / agents;
		return b / (1 - rho + rho * b);
	}

	/** The mean wait of all contacts (answered at once count as 0). */
	public static double meanWait(int agents, double arrivalRate, double mu) {
		double capacity = agents * mu;
		return capacity <= arrivalRate ? Double.POSITIVE_INFINITY
				: waitProbability(agents, arrivalRate, mu) / (capacity - arrivalRate);
	}

	/** The share of contacts answered within {@code target}. */
	public static double serviceLevel(int agents, double arrivalRate, double mu, double target) {
		double capacity = agents * mu;
		if (capacity <= arrivalRate) {
			return 0;
		}
		return 1 - waitProbability(agents, arrivalRate, mu) * Math.exp(-(capacity - arrivalRate) * target);
	}

	/** The fewest agents that answer at least {@code share} of contacts within {@code target}. */
	public static int agentsFor(double arrivalRate, double mu, double target, double share) {
		new Violations().check(!(arrivalRate > 0), "arrivalRate", "range", "must be above 0")
			.check(!(mu > 0), "handleTime", "range", "must be above 0")
			.check(!(target >= 0), "target", "range", "must be 0 or more")
			.check(!(share > 0 && share < 1), "serviceLevel", "range", "must be above 0 and below 1")
			.throwIfAny();
		int agents = Math.max(1, (int) Math.floor(arrivalRate / mu));
		while (serviceLevel(agents, arrivalRate, mu, target) < share) {
			agents++;
			if (agents > 1_000_000) {
				throw new IllegalStateException("no staffing reaches the service level");
			}
		}
		return agents;
	}
}
