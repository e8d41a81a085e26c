package dev.parley.status.simulation;

import java.util.Random;

import dev.parley.common.Violations;

/**
 * A positive random duration with a mean and a coefficient of variation: exponential (cv is 1 whatever is
 * given), lognormal, or hyperexponential (two balanced exponential phases; cv above 1).
 */
public record Distribution(Kind kind, double mean, double cv) {

	public enum Kind {
		EXPONENTIAL, LOGNORMAL, HYPEREXPONENTIAL
	}

	/** Checks the fields under {@code field} ("service", "patience"); hyperexponential needs cv > 1. */
	void check(String field, Violations v) {
		v.check(kind == null, field + ".distribution", "invalid", "must be exponential, lognormal or hyperexponential");
		v.check(!(mean > 0) || Double.isInfinite(mean), field + ".mean", "range", "must be a positive number");
		v.check(kind == Kind.LOGNORMAL && !(cv > 0), field + ".cv", "range", "must be a positive number");
		v.check(kind == Kind.HYPEREXPONENTIAL && !(cv > 1), field + ".cv", "range",
				"must be above 1 for a hyperexponential distribution");
		v.check(cv > 100, field + ".cv", "range", "must be at most 100");
	}

	/** A sampler for this distribution. */
	Sampler sampler() {
		return switch (kind) {
			case EXPONENTIAL -> r -> -Math.log(1 - r.nextDouble()) * mean;
			case LOGNORMAL -> {
				double s2 = Math.log(1 + cv * cv);
				double mu = Math.log(mean) - s2 / 2;
				double sigma = Math.sqrt(s2);
				yield r -> Math.exp(mu + sigma * r.nextGaussian());
			}
			case HYPEREXPONENTIAL -> {
				double c2 = cv * cv;
				double p = (1 + Math.sqrt((c2 - 1) / (c2 + 1))) / 2;
				double m1 = mean / (2 * p);
				double m2 = mean / (2 * (1 - p));
				yield r -> -Math.log(1 - r.nextDouble()) * (r.nextDouble() < p ? m1 : m2);
			}
		};
	}

	interface Sampler {
		double next(Random random);
	}
}
