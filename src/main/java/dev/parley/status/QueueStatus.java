package dev.parley.status;

import java.util.List;
import java.util.Set;

import dev.parley.common.Medium;

/**
 * The live figures of one queue and medium (or, summed, of a queue or the whole center): agents by state,
 * contacts waiting and the oldest wait, the estimated wait for a contact arriving now (seconds, with a range
 * the measured error supports; null when nobody serves it), service level (share answered within the target)
 * and abandonment for the last 15 minutes and today, average handle time, and which media are open now.
 */
public record QueueStatus(String queue, Medium medium, int agentsLoggedIn, int agentsAvailable, int agentsBusy,
		int agentsWrapUp, int agentsNotReady, int contactsWaiting, long oldestWaitSeconds, Long estimatedWaitSeconds,
		Range estimatedWaitRange, Double serviceLevel, Double abandonRate, Double serviceLevelToday,
		Double abandonRateToday, Double averageHandleSeconds, Set<Medium> mediaOpen, String estimator,
		List<EstimatorScore> accuracy) {

	/** An estimate's range in seconds. */
	public record Range(long low, long high) {
	}
}
