package dev.parley.status;

import java.util.List;

import dev.parley.status.internal.HeadOfLine;
import dev.parley.status.internal.LastToEnterService;
import dev.parley.status.internal.MovingAverage;
import dev.parley.status.internal.QueueLength;

/** The wait estimators Parley runs side by side for every queue and medium. */
public final class Estimators {

	public static final String QL = "ql";
	public static final String QL_ABANDONMENT = "ql-abandonment";
	public static final String LES = "les";
	public static final String HOL = "hol";
	public static final String MOVING_AVERAGE = "moving-average";

	private Estimators() {
	}

	/** A fresh set: queue length (learned service rate), its abandonment-aware form, LES, HOL, moving average. */
	public static List<WaitEstimator> fresh() {
		return List.of(QueueLength.learning(false), QueueLength.learning(true), new LastToEnterService(),
				new HeadOfLine(), new MovingAverage(100));
	}

	/**
	 * The queue-length estimate with known rates: what an oracle with the true service rate {@code mu} and
	 * abandonment rate {@code theta} (0 without abandonment) would say. No live system knows these.
	 */
	public static WaitEstimator oracle(double mu, double theta) {
		return QueueLength.known("oracle", mu, theta);
	}
}
