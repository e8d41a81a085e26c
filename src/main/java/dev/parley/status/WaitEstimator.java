package dev.parley.status;

/**
 * Estimates the wait of a contact that arrives now and finds every agent busy, learning from what happens in
 * the queue. Implementations are not thread-safe: each queue and medium has its own, fed in order.
 */
public interface WaitEstimator {

	/** The name the simulator and the status page use: {@code ql}, {@code ql-abandonment}, {@code les}, ... */
	String name();

	/** The expected wait of a contact arriving into this state. */
	double estimate(QueueState state);

	/** A contact's service (handle time) ended after {@code duration}. */
	default void serviceCompleted(double duration) {
	}

	/** A contact entered service after waiting {@code waited} (0 when an agent was free). */
	default void enteredService(double waited) {
	}

	/** A waiting contact left after {@code waited} without being served. */
	default void abandoned(double waited) {
	}
}
