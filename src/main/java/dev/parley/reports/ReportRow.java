package dev.parley.reports;

/**
 * One row of a report: its key (a day {@code 2026-12-04}, a queue key, a medium token, a product or agent id;
 * {@code none} for contacts without a product or agent), and its figures. Contacts offered = answered +
 * abandoned (contacts still going on are not in reports yet). Service level is the share of offered contacts
 * answered within their queue's target. Waits are from joining the queue to an agent taking it (or to leaving);
 * handle time from taking it to its end. {@code waitBuckets} and {@code handleBuckets} count contacts per band
 * (waits: under 20 s, 20-60 s, 1-3 min, 3-10 min, over 10 min; handle: under 1, 1-5, 5-15, 15-30, over 30 min).
 * Averages and the rating are null when nothing counts toward them.
 */
public record ReportRow(String key, long offered, long answered, long abandoned, Double serviceLevel,
		Double averageWaitSeconds, long longestWaitSeconds, Double averageHandleSeconds, long[] waitBuckets,
		long[] handleBuckets, Double averageRating, long ratings) {

	public Double abandonRate() {
		return offered == 0 ? null : (double) abandoned / offered;
	}
}
