package dev.parley.status.simulation;

import java.util.List;

import dev.parley.common.Violations;

/**
 * A queue to simulate: {@code contacts} arrivals (the first {@code warmup} are not scored) to {@code agents}
 * identical agents, handle times and (optionally) patience from distributions, and Poisson arrivals whose
 * rate is piecewise constant ({@code arrivals}: from each {@code from} on, {@code rate} per unit of time), so
 * load can swing. All times in one unit.
 */
public record Scenario(long seed, long contacts, long warmup, int agents, Distribution service,
		Distribution patience, List<Arrival> arrivals) {

	/** From time {@code from} on, contacts arrive at {@code rate} per unit of time. */
	public record Arrival(double from, double rate) {
	}

	public static final long MAX_CONTACTS = 100_000_000;

	public Scenario {
		arrivals = arrivals == null ? List.of() : List.copyOf(arrivals);
	}

	/** Every field checked, each problem named by its path ({@code arrivals[1].rate}); throws when any. */
	public Scenario validated() {
		var v = new Violations();
		v.check(contacts < 1 || contacts > MAX_CONTACTS, "contacts", "range", "must be between 1 and " + MAX_CONTACTS);
		v.check(warmup < 0 || warmup >= contacts, "warmup", "range", "must be at least 0 and less than contacts");
		v.check(agents < 1 || agents > 100_000, "agents", "range", "must be between 1 and 100000");
		if (service == null) {
			v.add("service", "required", "must be given");
		}
		else {
			service.check("service", v);
		}
		if (patience != null) {
			patience.check("patience", v);
			v.check(patience.kind() == Distribution.Kind.HYPEREXPONENTIAL, "patience.distribution", "invalid",
					"must be exponential or lognormal");
		}
		v.check(arrivals.isEmpty(), "arrivals", "required", "must hold at least one {from, rate}");
		double previous = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < arrivals.size(); i++) {
			Arrival a = arrivals.get(i);
			if (a == null) {
				v.add("arrivals[" + i + "]", "required", "must be {from, rate}");
				continue;
			}
			v.check(!(a.from() >= 0) || Double.isInfinite(a.from()), "arrivals[" + i + "].from", "range",
					"must be 0 or more");
			v.check(i == 0 && a.from() != 0, "arrivals[0].from", "range", "must be 0: rates start at time 0");
			v.check(a.from() <= previous, "arrivals[" + i + "].from", "order", "must be after the previous one's");
			v.check(!(a.rate() >= 0) || Double.isInfinite(a.rate()), "arrivals[" + i + "].rate", "range",
					"must be 0 or more");
			previous = a.from();
		}
		v.check(!arrivals.isEmpty() && arrivals.get(arrivals.size() - 1) != null
				&& !(arrivals.get(arrivals.size() - 1).rate() > 0), "arrivals[" + (arrivals.size() - 1) + "].rate",
				"range", "the last rate must be above 0 (it lasts until every contact has arrived)");
		v.throwIfAny();
		return this;
	}
}
