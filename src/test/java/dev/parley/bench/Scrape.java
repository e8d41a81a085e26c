package dev.parley.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Prometheus scrape of the server ({@code /actuator/prometheus}, text format) as series and values, and what two
 * scrapes tell about the time between them: a counter's increase, a histogram's percentiles from its buckets.
 */
record Scrape(Map<String, Double> series) {

	static Scrape parse(String text) {
		Map<String, Double> series = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int space = line.lastIndexOf(' ');
			try {
				series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
			}
			catch (NumberFormatException | StringIndexOutOfBoundsException e) {
				// a line this reader does not know (a timestamp, an exemplar): not needed here
			}
		}
		return new Scrape(series);
	}

	/** The sum of the series whose name (before any labels) is {@code name}. */
	double total(String name) {
		double sum = 0;
		for (var e : series.entrySet()) {
			String key = e.getKey();
			int brace = key.indexOf('{');
			if ((brace < 0 ? key : key.substring(0, brace)).equals(name)) {
				sum += e.getValue();
			}
		}
		return sum;
	}

	/** How much the series of counter {@code name} with the label {@code label} (as {@code on="ahead"}) grew. */
	double increase(Scrape before, String name, String label) {
		double sum = 0;
		for (var e : series.entrySet()) {
			String key = e.getKey();
			if (key.startsWith(name + "{") && key.contains(label)) {
				sum += e.getValue() - before.series.getOrDefault(key, 0.0);
			}
		}
		return sum;
	}

	/** How much a counter (or a timer's {@code _count}, {@code _sum}) grew since {@code before}. */
	double increase(Scrape before, String name) {
		return total(name) - before.total(name);
	}

	/**
	 * The {@code q} quantile of a histogram ({@code name_bucket{le=...}}) over the observations made since
	 * {@code before}: the upper bound of the bucket it falls in (as Prometheus's {@code histogram_quantile} without
	 * the interpolation), NaN without observations.
	 */
	double quantile(Scrape before, String name, double q) {
		List<double[]> buckets = new ArrayList<>();
		String prefix = name + "_bucket{";
		for (var e : series.entrySet()) {
			String key = e.getKey();
			int le = key.indexOf("le=\"");
			if (key.startsWith(prefix) && le > 0) {
				String bound = key.substring(le + 4, key.indexOf('"', le + 4));
				double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
				buckets.add(new double[] { upper, e.getValue() - before.series.getOrDefault(key, 0.0) });
			}
		}
		buckets.sort((a, b) -> Double.compare(a[0], b[0]));
		if (buckets.isEmpty() || buckets.get(buckets.size() - 1)[1] <= 0) {
			return Double.NaN;
		}
		double wanted = q * buckets.get(buckets.size() - 1)[1];
		for (double[] b : buckets) {
			if (b[1] >= wanted) {
				return b[0];
			}
		}
		return Double.NaN;
	}

	/**
	 * p50 / p99 / p99.9 of a timer in seconds, as milliseconds (each the upper bound of its bucket), with the count:
	 * "p50 1.2 / p99 8.9 / p99.9 12.5 ms over 1,234".
	 */
	String timer(Scrape before, String name) {
		return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / p99.9 %.1f ms over %,.0f",
				quantile(before, name, 0.5) * 1e3, quantile(before, name, 0.99) * 1e3, quantile(before, name, 0.999) * 1e3,
				increase(before, name + "_count"));
	}
}
