package dev.parley.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Every estimator of one queue and medium side by side, each scored against the waits that followed, and the
 * one Parley shows: the estimator with the lowest measured error so far (the queue-length estimator until
 * {@value #MIN_SAMPLES} contacts were scored). Not thread-safe: one panel per queue and medium, fed in order.
 */
public final class EstimatorPanel {

	static final int MIN_SAMPLES = 200;

	private final List<WaitEstimator> estimators;
	private final double[] squared;
	private final double[] absolute;
	private double actualSum;
	private long samples;

	public EstimatorPanel(List<WaitEstimator> estimators) {
		this.estimators = List.copyOf(estimators);
		this.squared = new double[estimators.size()];
		this.absolute = new double[estimators.size()];
	}

	public static EstimatorPanel standard() {
		return new EstimatorPanel(Estimators.fresh());
	}

	public List<WaitEstimator> estimators() {
		return estimators;
	}

	/** Every estimator's estimate for a contact arriving into {@code state}, in the order of {@link #estimators()}. */
	public double[] estimate(QueueState state) {
		double[] all = new double[estimators.size()];
		for (int i = 0; i < all.length; i++) {
			all[i] = Math.max(0, estimators.get(i).estimate(state));
		}
		return all;
	}

	/** The estimate Parley shows: the chosen estimator's. */
	public double shown(double[] estimates) {
		return estimates[chosenIndex()];
	}

	/** Scores the estimates made for one contact against the wait it had (or would have had). */
	public void score(double[] estimates, double actual) {
		for (int i = 0; i < estimates.length; i++) {
			double error = estimates[i] - actual;
			squared[i] += error * error;
			absolute[i] += Math.abs(error);
		}
		actualSum += actual;
		samples++;
	}

	public void serviceCompleted(double duration) {
		estimators.forEach(e -> e.serviceCompleted(duration));
	}

	public void enteredService(double waited) {
		estimators.forEach(e -> e.enteredService(waited));
	}

	public void abandoned(double waited) {
		estimators.forEach(e -> e.abandoned(waited));
	}

	public String chosen() {
		return estimators.get(chosenIndex()).name();
	}

	int chosenIndex() {
		if (samples < MIN_SAMPLES) {
			for (int i = 0; i < estimators.size(); i++) {
				if (estimators.get(i).name().equals(Estimators.QL)) {
					return i;
				}
			}
			return 0;
		}
		int best = 0;
		for (int i = 1; i < squared.length; i++) {
			if (squared[i] < squared[best]) {
				best = i;
			}
		}
		return best;
	}

	public List<EstimatorScore> scores() {
		List<EstimatorScore> all = new ArrayList<>();
		double mean = samples == 0 ? 0 : actualSum / samples;
		for (int i = 0; i < estimators.size(); i++) {
			double mse = samples == 0 ? 0 : squared[i] / samples;
			all.add(new EstimatorScore(estimators.get(i).name(), samples, mean == 0 ? 0 : mse / (mean * mean),
					samples == 0 ? 0 : absolute[i] / samples));
		}
		return all;
	}
}
