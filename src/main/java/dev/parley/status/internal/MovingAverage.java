package dev.parley.status.internal;

import dev.parley.status.Estimators;
import dev.parley.status.QueueState;
import dev.parley.status.WaitEstimator;

/** The baseline vendors show: the average wait of the last answered contacts, whatever the queue is now. */
public final class MovingAverage implements WaitEstimator {

	private final Window waits;

	public MovingAverage(int size) {
		this.waits = new Window(size);
	}

	@Override
	public String name() {
		return Estimators.MOVING_AVERAGE;
	}

	@Override
	public double estimate(QueueState state) {
		return waits.count() == 0 ? 0 : waits.mean();
	}

	@Override
	public void enteredService(double waited) {
		waits.add(waited);
	}
}
