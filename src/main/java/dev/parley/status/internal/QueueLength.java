package dev.parley.status.internal;

import dev.parley.status.Estimators;
import dev.parley.status.QueueState;
import dev.parley.status.WaitEstimator;

/**
 * The queue-length estimator: with {@code n} contacts ahead and {@code s} agents each serving at rate mu, a new
 * contact waits (n+1)/(s·mu). Its abandonment-aware form counts that those ahead also leave at rate theta each:
 * the line ahead shrinks at s·mu + j·theta while j wait ahead, so the wait is the sum over j = 0..n of
 * 1/(s·mu + j·theta). Learning forms take mu from the mean of the last handle times and theta as abandonments
 * per unit of time spent waiting (the maximum-likelihood rate for exponential patience, served contacts'
 * waits counting as censored patience), both over recent windows.
 */
public final class QueueLength implements WaitEstimator {

	private static final int WINDOW = 20_000;
	/** Until anything was served, a mean handle time of five minutes. */
	private static final double PRIOR_MEAN_SERVICE = 300;

	private final String name;
	private final boolean abandonment;
	private final Double knownMu;
	private final Double knownTheta;
	private final Window services = new Window(WINDOW);
	private final Window waits = new Window(WINDOW);
	private final Window abandons = new Window(WINDOW);

	private QueueLength(String name, boolean abandonment, Double mu, Double theta) {
		this.name = name;
		this.abandonment = abandonment;
		this.knownMu = mu;
		this.knownTheta = theta;
	}

	public static QueueLength learning(boolean abandonment) {
		return new QueueLength(abandonment ? Estimators.QL_ABANDONMENT : Estimators.QL, abandonment, null, null);
	}

	public static QueueLength known(String name, double mu, double theta) {
		return new QueueLength(name, theta > 0, mu, theta);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public double estimate(QueueState state) {
		double rate = Math.max(1, state.agents()) * mu();
		return abandonment ? wait(state.ahead(), rate, theta()) : (state.ahead() + 1) / rate;
	}

	double mu() {
		if (knownMu != null) {
			return knownMu;
		}
		double mean = services.mean();
		return 1 / (Double.isNaN(mean) || mean <= 0 ? PRIOR_MEAN_SERVICE : mean);
	}

	double theta() {
		if (knownTheta != null) {
			return knownTheta;
		}
		double waited = waits.sum();
		return waited <= 0 ? 0 : abandons.sum() / waited;
	}

	/** The sum over j = 0..n of 1/(rate + j·theta), in closed form (digamma) for long lines. */
	static double wait(int n, double rate, double theta) {
		if (theta <= rate * 1e-12) {
			return (n + 1) / rate;
		}
		if (n <= 64) {
			double sum = 0;
			for (int j = 0; j <= n; j++) {
				sum += 1 / (rate + j * theta);
			}
			return sum;
		}
		double x = rate / theta;
		return (Digamma.of(x + n + 1) - Digamma.of(x)) / theta;
	}

	@Override
	public void serviceCompleted(double duration) {
		if (knownMu == null) {
			services.add(duration);
		}
	}

	@Override
	public void enteredService(double waited) {
		waits.add(waited);
		abandons.add(0);
	}

	@Override
	public void abandoned(double waited) {
		waits.add(waited);
		abandons.add(1);
	}
}
