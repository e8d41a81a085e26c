package dev.parley.status.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import dev.parley.status.EstimatorPanel;
import dev.parley.status.EstimatorScore;
import dev.parley.status.Estimators;
import dev.parley.status.QueueState;

/**
 * A discrete-event simulation of one first-come-first-served queue with identical agents, driving Parley's real
 * estimators ({@link EstimatorPanel}): each contact that arrives to find every agent busy gets every estimator's
 * estimate, and is scored against the wait that followed. A contact that abandons stays in line as a ghost that
 * takes no service: when it reaches an agent, that is the wait it would have had, and it is scored against that.
 * The oracle (queue length with the scenario's true rates) and the estimate Parley would have shown at each
 * moment ({@code adaptive}) are scored on the same contacts.
 */
public final class Simulator {

	/** Parley's own row: the estimate of whichever estimator had the lowest measured error at that moment. */
	public static final String ADAPTIVE = "adaptive";

	/** One simulation's figures: a score per estimator, the one Parley would pick, and how long it took. */
	public record Result(List<EstimatorScore> scores, String chosen, long contacts, long served, long abandoned,
			double simulatedTime, long wallMillis, Outcomes outcomes) {
	}

	/**
	 * What happened to the contacts after the warm-up: how many, how many were answered within {@code target} and
	 * how many left, and the total wait of those answered; against Erlang C and A.
	 */
	public record Outcomes(double target, long contacts, long answeredWithin, long abandoned, long answered,
			double answeredWaitSum) {

		public double serviceLevel() {
			return contacts == 0 ? 0 : (double) answeredWithin / contacts;
		}

		public double abandonShare() {
			return contacts == 0 ? 0 : (double) abandoned / contacts;
		}

		public double meanWaitOfAnswered() {
			return answered == 0 ? 0 : answeredWaitSum / answered;
		}
	}

	private static final class Contact {
		final long index;
		final double arrived;
		double[] estimates;
		double oracle;
		double shown;
		boolean ghost;
		boolean done;

		Contact(long index, double arrived) {
			this.index = index;
			this.arrived = arrived;
		}
	}

	private record Completion(double at, double duration) {
	}

	private record Deadline(double at, Contact contact) {
	}

	private Simulator() {
	}

	public static Result run(Scenario scenario) {
		return run(scenario, 0);
	}

	/** Runs the scenario, counting the contacts answered within {@code target} (same unit as the scenario's times). */
	public static Result run(Scenario scenario, double target) {
		Scenario s = scenario.validated();
		long scoredContacts = 0;
		long within = 0;
		long scoredAbandoned = 0;
		long scoredAnswered = 0;
		double answeredWaits = 0;
		long start = System.nanoTime();
		var random = new Random(s.seed());
		var service = s.service().sampler();
		var patience = s.patience() == null ? null : s.patience().sampler();
		double mu = 1 / s.service().mean();
		double theta = s.patience() == null ? 0 : 1 / s.patience().mean();
		var panel = EstimatorPanel.standard();
		var oracle = Estimators.oracle(mu, theta);
		int n = panel.estimators().size();
		double[] squared = new double[n + 2];
		double[] absolute = new double[n + 2];
		double actualSum = 0;
		long samples = 0;

		var completions = new PriorityQueue<Completion>((a, b) -> Double.compare(a.at(), b.at()));
		var deadlines = new PriorityQueue<Deadline>((a, b) -> Double.compare(a.at(), b.at()));
		var line = new ArrayDeque<Contact>();
		var arrivals = new Arrivals(s.arrivals(), random);
		int busy = 0;
		int waiting = 0; // contacts in line that have not abandoned
		long arrived = 0;
		long served = 0;
		long abandoned = 0;
		double now = 0;
		double nextArrival = arrivals.next(0);

		while (arrived < s.contacts() || !line.isEmpty()) {
			double tArrival = arrived < s.contacts() ? nextArrival : Double.POSITIVE_INFINITY;
			double tCompletion = completions.isEmpty() ? Double.POSITIVE_INFINITY : completions.peek().at();
			while (!deadlines.isEmpty() && (deadlines.peek().contact().done || deadlines.peek().contact().ghost)) {
				deadlines.poll();
			}
			double tDeadline = deadlines.isEmpty() ? Double.POSITIVE_INFINITY : deadlines.peek().at();
			if (tArrival <= tCompletion && tArrival <= tDeadline) {
				now = tArrival;
				var c = new Contact(arrived++, now);
				nextArrival = arrivals.next(now);
				if (busy < s.agents()) {
					busy++;
					c.done = true;
					served++;
					if (c.index >= s.warmup()) {
						scoredContacts++;
						scoredAnswered++;
						within++;
					}
					panel.enteredService(0);
					oracle.enteredService(0);
					double d = service.next(random);
					completions.add(new Completion(now + d, d));
				}
				else {
					var state = new QueueState(now, waiting, s.agents(), headOfLineWait(line, now));
					c.estimates = panel.estimate(state);
					c.shown = panel.shown(c.estimates);
					c.oracle = oracle.estimate(state);
					line.add(c);
					waiting++;
					if (patience != null) {
						deadlines.add(new Deadline(now + patience.next(random), c));
					}
				}
			}
			else if (tCompletion <= tDeadline) {
				Completion done = completions.poll();
				now = done.at();
				busy--;
				panel.serviceCompleted(done.duration());
				oracle.serviceCompleted(done.duration());
				while (!line.isEmpty()) {
					Contact head = line.poll();
					double wait = now - head.arrived;
					boolean scored = head.index >= s.warmup();
					if (scored) {
						double[] e = head.estimates;
						for (int i = 0; i < n; i++) {
							add(squared, absolute, i, e[i] - wait);
						}
						add(squared, absolute, n, head.oracle - wait);
						add(squared, absolute, n + 1, head.shown - wait);
						actualSum += wait;
						samples++;
					}
					panel.score(head.estimates, wait);
					if (head.ghost) {
						continue; // it would have been answered now; the agent serves the next one
					}
					head.done = true;
					waiting--;
					served++;
					if (head.index >= s.warmup()) {
						scoredContacts++;
						scoredAnswered++;
						answeredWaits += wait;
						if (wait <= target) {
							within++;
						}
					}
					panel.enteredService(wait);
					oracle.enteredService(wait);
					busy++;
					double d = service.next(random);
					completions.add(new Completion(now + d, d));
					break;
				}
			}
			else {
				Deadline d = deadlines.poll();
				now = d.at();
				d.contact().ghost = true;
				waiting--;
				abandoned++;
				if (d.contact().index >= s.warmup()) {
					scoredContacts++;
					scoredAbandoned++;
				}
				panel.abandoned(now - d.contact().arrived);
				oracle.abandoned(now - d.contact().arrived);
			}
		}

		List<EstimatorScore> scores = new ArrayList<>();
		double mean = samples == 0 ? 0 : actualSum / samples;
		for (int i = 0; i < n + 2; i++) {
			String name = i < n ? panel.estimators().get(i).name() : i == n ? oracle.name() : ADAPTIVE;
			double mse = samples == 0 ? 0 : squared[i] / samples;
			scores.add(new EstimatorScore(name, samples, mean == 0 ? 0 : mse / (mean * mean),
					samples == 0 ? 0 : absolute[i] / samples));
		}
		String chosen = scores.subList(0, n).stream().min((a, b) -> Double.compare(a.rase(), b.rase()))
			.map(EstimatorScore::estimator).orElse(Estimators.QL);
		return new Result(scores, chosen, arrived, served, abandoned, now, (System.nanoTime() - start) / 1_000_000,
				new Outcomes(target, scoredContacts, within, scoredAbandoned, scoredAnswered, answeredWaits));
	}

	private static void add(double[] squared, double[] absolute, int i, double error) {
		squared[i] += error * error;
		absolute[i] += Math.abs(error);
	}

	/** How long the first contact still waiting (not a ghost) has waited. */
	private static double headOfLineWait(ArrayDeque<Contact> line, double now) {
		for (Contact c : line) {
			if (!c.ghost) {
				return now - c.arrived;
			}
		}
		return 0;
	}

	/** Poisson arrivals with a piecewise-constant rate. */
	private static final class Arrivals {

		private final List<Scenario.Arrival> segments;
		private final Random random;

		Arrivals(List<Scenario.Arrival> segments, Random random) {
			this.segments = segments;
			this.random = random;
		}

		double next(double from) {
			double t = from;
			while (true) {
				int i = segment(t);
				double rate = segments.get(i).rate();
				double end = i + 1 < segments.size() ? segments.get(i + 1).from() : Double.POSITIVE_INFINITY;
				if (rate > 0) {
					double candidate = t - Math.log(1 - random.nextDouble()) / rate;
					if (candidate < end) {
						return candidate;
					}
				}
				t = end; // memoryless: start afresh at the next rate
			}
		}

		private int segment(double t) {
			int i = 0;
			while (i + 1 < segments.size() && segments.get(i + 1).from() <= t) {
				i++;
			}
			return i;
		}
	}
}
