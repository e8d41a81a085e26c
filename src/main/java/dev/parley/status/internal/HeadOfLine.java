package dev.parley.status.internal;

import dev.parley.status.Estimators;
import dev.parley.status.QueueState;
import dev.parley.status.WaitEstimator;

/**
 * Head of line: the elapsed wait of the contact at the head of the line, scaled by (n+1)/n for a newcomer behind
 * n contacts (the refined form); with nobody waiting it falls back to the last wait before service.
 */
public final class HeadOfLine implements WaitEstimator {

	private final LastToEnterService fallback = new LastToEnterService();

	@Override
	public String name() {
		return Estimators.HOL;
	}

	@Override
	public double estimate(QueueState state) {
		if (state.ahead() <= 0 || state.headOfLineWait() <= 0) {
			return fallback.estimate(state);
		}
		return state.headOfLineWait() * (state.ahead() + 1) / state.ahead();
	}

	@Override
	public void enteredService(double waited) {
		fallback.enteredService(waited);
	}
}
