package dev.parley.status;

/**
 * How well an estimator did on the contacts scored so far: RASE is the mean squared error divided by the square
 * of the mean actual wait (relative average squared error), MAE the mean absolute error, over {@code samples}.
 */
public record EstimatorScore(String estimator, long samples, double rase, double mae) {
}
