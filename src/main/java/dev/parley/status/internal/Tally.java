package dev.parley.status.internal;

/**
 * Counts of one queue and medium in minute buckets: the last 15 minutes from a ring of 15, and today (UTC) as
 * running sums reset at midnight. Constant work per event.
 */
public final class Tally {

	private static final int MINUTES = 15;

	private final long[][] ring = new long[MINUTES][Kind.values().length];
	private final long[] bucketMinute = new long[MINUTES];
	private final double[] handleRing = new double[MINUTES];
	private final long[] today = new long[Kind.values().length];
	private double handleToday;
	private long day = -1;

	public enum Kind {
		OFFERED, ANSWERED, ANSWERED_IN_TARGET, ABANDONED, HANDLED
	}

	public void add(Kind kind, long epochMillis) {
		bucket(epochMillis)[kind.ordinal()]++;
		today[kind.ordinal()]++;
	}

	public void handled(double seconds, long epochMillis) {
		bucket(epochMillis)[Kind.HANDLED.ordinal()]++;
		handleRing[(int) ((epochMillis / 60_000) % MINUTES)] += seconds;
		today[Kind.HANDLED.ordinal()]++;
		handleToday += seconds;
	}

	/** Sum of a kind over the last 15 minutes, or today. */
	public long count(Kind kind, long nowMillis, boolean wholeDay) {
		rollDay(nowMillis);
		if (wholeDay) {
			return today[kind.ordinal()];
		}
		long minute = nowMillis / 60_000;
		long sum = 0;
		for (int i = 0; i < MINUTES; i++) {
			if (minute - bucketMinute[i] < MINUTES) {
				sum += ring[i][kind.ordinal()];
			}
		}
		return sum;
	}

	/** Mean handle time of today's handled contacts in seconds; null when none. */
	public Double averageHandle(long nowMillis) {
		rollDay(nowMillis);
		long n = today[Kind.HANDLED.ordinal()];
		return n == 0 ? null : handleToday / n;
	}

	private long[] bucket(long epochMillis) {
		rollDay(epochMillis);
		long minute = epochMillis / 60_000;
		int i = (int) (minute % MINUTES);
		if (bucketMinute[i] != minute) {
			bucketMinute[i] = minute;
			java.util.Arrays.fill(ring[i], 0);
			handleRing[i] = 0;
		}
		return ring[i];
	}

	private void rollDay(long epochMillis) {
		long d = epochMillis / 86_400_000;
		if (d != day) {
			day = d;
			java.util.Arrays.fill(today, 0);
			handleToday = 0;
		}
	}
}
