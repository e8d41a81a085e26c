package dev.parley.status.internal;

/** The last {@code size} values with their sum: a sliding mean in O(1) per value. */
final class Window {

	private final double[] values;
	private int next;
	private int count;
	private double sum;

	Window(int size) {
		this.values = new double[size];
	}

	void add(double value) {
		if (count == values.length) {
			sum -= values[next];
		}
		else {
			count++;
		}
		values[next] = value;
		sum += value;
		next = (next + 1) % values.length;
		if (next == 0) {
			resum(); // no drift from adding and subtracting over millions of values
		}
	}

	int count() {
		return count;
	}

	double sum() {
		return sum;
	}

	double mean() {
		return count == 0 ? Double.NaN : sum / count;
	}

	private void resum() {
		double s = 0;
		for (int i = 0; i < count; i++) {
			s += values[i];
		}
		sum = s;
	}
}
