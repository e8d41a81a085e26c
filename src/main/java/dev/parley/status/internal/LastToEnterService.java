package dev.parley.status.internal;

import dev.parley.status.Estimators;
import dev.parley.status.QueueState;
import dev.parley.status.WaitEstimator;

/** Last to enter service: a new contact will wait as long as the last contact that was answered after waiting. */
public final class LastToEnterService implements WaitEstimator {

	private double last;

	@Override
	public String name() {
		return Estimators.LES;
	}

	@Override
	public double estimate(QueueState state) {
		return last;
	}

	@Override
	public void enteredService(double waited) {
		if (waited > 0) {
			last = waited;
		}
	}
}
