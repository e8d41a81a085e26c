package dev.parley.status;

import dev.parley.common.Violations;

/**
 * Erlang A (M/M/s+M: contacts abandon after an exponential patience of mean {@code 1/theta}): the chance a contact
 * waits, the share that abandons, the share answered within a target, and the fewest agents that reach a service
 * level. From the birth-death chain's stationary distribution (truncated where its tail is below 1e-13) and, for
 * the service level, the waiting contact's own chain (it moves up as those ahead are served or leave, and leaves
 * itself at rate theta) solved by uniformization. With theta 0 it is Erlang C.
 */
public final class ErlangA {

	/** The figures of one staffing. */
	public record Figures(int agents, double waitProbability, double abandonShare, double serviceLevel,
			double meanWaitOfAnswered, double occupancy) {
	}

	private static final double TAIL = 1e-13;

	private static final int MAX_STATES = 200_000;

	private ErlangA() {
	}

	/**
	 * The figures with {@code agents} agents, {@code arrivalRate} contacts and {@code mu} services per agent per unit
	 * of time, patience rate {@code theta} (0: nobody abandons; then the load must be below capacity), target
	 * {@code target} in the same unit.
	 */
	public static Figures figures(int agents, double arrivalRate, double mu, double theta, double target) {
		if (theta <= 0) {
			double pw = ErlangC.waitProbability(agents, arrivalRate, mu);
			double sl = ErlangC.serviceLevel(agents, arrivalRate, mu, target);
			double capacity = agents * mu;
			double meanWaitAnswered = capacity <= arrivalRate ? Double.POSITIVE_INFINITY : pw / (capacity - arrivalRate);
			return new Figures(agents, pw, 0, sl, meanWaitAnswered, Math.min(1, arrivalRate / capacity));
		}
		double[] pi = stationary(agents, arrivalRate, mu, theta);
		int top = pi.length - 1;
		double pWait = 0;
		double abandonRate = 0;
		double busyAgents = 0;
		for (int k = 0; k <= top; k++) {
			busyAgents += Math.min(k, agents) * pi[k];
			if (k >= agents) {
				pWait += pi[k];
				abandonRate += (k - agents) * theta * pi[k];
			}
		}
		double abandonShare = abandonRate / arrivalRate;
		int queueMax = Math.max(0, top - agents);
		double[] within = servedWithin(agents, mu, theta, target, queueMax);
		double sl = 0;
		for (int k = 0; k <= top; k++) {
			sl += k < agents ? pi[k] : pi[k] * within[k - agents];
		}
		double meanWaitAnswered = answeredWait(agents, mu, theta, pi);
		return new Figures(agents, pWait, abandonShare, sl, meanWaitAnswered, busyAgents / agents);
	}

	/** The fewest agents that answer at least {@code share} of all contacts within {@code target}. */
	public static int agentsFor(double arrivalRate, double mu, double theta, double target, double share) {
		new Violations().check(!(arrivalRate > 0), "arrivalRate", "range", "must be above 0")
			.check(!(mu > 0), "handleTime", "range", "must be above 0")
			.check(!(theta >= 0), "patience", "range", "must be above 0")
			.check(!(target >= 0), "target", "range", "must be 0 or more")
			.check(!(share > 0 && share < 1), "serviceLevel", "range", "must be above 0 and below 1")
			.throwIfAny();
		if (theta <= 0) {
			return ErlangC.agentsFor(arrivalRate, mu, target, share);
		}
		int agents = 1;
		while (figures(agents, arrivalRate, mu, theta, target).serviceLevel() < share) {
			agents++;
			if (agents > 100_000) {
				throw new IllegalStateException("no staffing reaches the service level");
			}
		}
		return agents;
	}

	/** pi[k]: the chance of k contacts in the center (with the agents or waiting), normalized. */
	static double[] stationary(int agents, double lambda, double mu, double theta) {
		double[] w = new double[1024];
		w[0] = 1;
		double sum = 1;
		double peak = 1;
		int k = 0;
		while (true) {
			double rate = Math.min(k + 1, agents) * mu + Math.max(0, k + 1 - agents) * theta;
			double next = w[k] * lambda / rate;
			k++;
			if (k >= w.length) {
				w = java.util.Arrays.copyOf(w, w.length * 2);
			}
			w[k] = next;
			sum += next;
			peak = Math.max(peak, next);
			if (next > 1e280) { // rescale to stay finite
				for (int i = 0; i <= k; i++) {
					w[i] /= 1e280;
				}
				sum /= 1e280;
				peak /= 1e280;
			}
			if (k > agents && next < TAIL * peak && lambda < rate || k >= MAX_STATES) {
				break;
			}
		}
		double[] pi = new double[k + 1];
		for (int i = 0; i <= k; i++) {
			pi[i] = w[i] / sum;
		}
		return pi;
	}

	/**
	 * For a contact that finds every agent busy and {@code j} contacts waiting ahead, the chance it is answered
	 * within {@code t}: its chain moves from j ahead to j-1 at rate {@code agents*mu + j*theta}, from none ahead to
	 * an agent at {@code agents*mu}, and ends (it leaves) at {@code theta} from anywhere; solved by uniformization
	 * for every j at once.
	 */
	static double[] servedWithin(int agents, double mu, double theta, double t, int jMax) {
		double served = agents * mu;
		double lambdaU = served + jMax * theta + theta;
		double mean = lambdaU * t;
		int steps = (int) Math.ceil(mean + 10 * Math.sqrt(mean + 1) + 10);
		double[] s = new double[jMax + 1];
		double[] result = new double[jMax + 1];
		// Poisson weights, in log space to stay finite for a large mean
		double logPoisson = -mean;
		for (int m = 1; m <= steps; m++) {
			double[] next = new double[jMax + 1];
			next[0] = served / lambdaU + (1 - (served + theta) / lambdaU) * s[0];
			for (int i = 1; i <= jMax; i++) {
				double down = (served + i * theta) / lambdaU;
				double stay = 1 - down - theta / lambdaU;
				next[i] = down * s[i - 1] + stay * s[i];
			}
			s = next;
			logPoisson += Math.log(mean) - Math.log(m);
			double weight = Math.exp(logPoisson);
			// P(served by t) = sum over m of P(N(t) = m) * P(served within m steps)
			for (int i = 0; i <= jMax; i++) {
				result[i] += weight * s[i];
			}
		}
		return result;
	}

	/**
	 * The mean wait of the contacts that were answered. At each place in the line the contact stays an exponential
	 * time whose rate is that of moving up plus that of leaving, and with competing exponential clocks how long it
	 * stays does not depend on which ends it: so an answered contact that found j ahead waited on average the sum
	 * of 1/rate over its places, and was answered with the product of (move-up rate / rate).
	 */
	private static double answeredWait(int agents, double mu, double theta, double[] pi) {
		double served = agents * mu;
		double waitSum = 0;
		double answered = 0;
		for (int k = 0; k < pi.length; k++) {
			if (k < agents) {
				answered += pi[k];
				continue;
			}
			double chance = 1;
			double mean = 0;
			for (int i = k - agents; i >= 0; i--) {
				double go = served + i * theta;
				double rate = go + theta;
				mean += 1 / rate;
				chance *= go / rate;
			}
			answered += pi[k] * chance;
			waitSum += pi[k] * chance * mean;
		}
		return answered == 0 ? Double.POSITIVE_INFINITY : waitSum / answered;
	}
}
