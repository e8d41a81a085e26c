package dev.parley.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.common.InvalidInputException;
import dev.parley.status.simulation.Distribution;
import dev.parley.status.simulation.Scenario;
import dev.parley.status.simulation.Simulator;

/** The estimators against closed forms, and the simulator against Erlang C and the targets of the issue. */
class WaitEstimatorTests {

	@Test
	void queueLengthIsNPlusOneOverTheServiceCapacity() {
		var ql = Estimators.oracle(0.5, 0);
		assertThat(ql.estimate(new QueueState(0, 9, 4, 0))).isCloseTo(10 / (4 * 0.5), within(1e-12));
	}

	@Test
	void theAbandonmentFormSumsTheShrinkingLineAheadInClosedFormToo() {
		double mu = 1, theta = 0.2;
		int agents = 10;
		for (int n : new int[] { 0, 3, 64, 65, 500 }) {
			double direct = 0;
			for (int j = 0; j <= n; j++) {
				direct += 1 / (agents * mu + j * theta);
			}
			assertThat(Estimators.oracle(mu, theta).estimate(new QueueState(0, n, agents, 0))).as("n=%d", n)
				.isCloseTo(direct, within(1e-9 * direct));
		}
	}

	@Test
	void learningFormsLearnTheServiceAndAbandonmentRates() {
		var learning = EstimatorPanel.standard();
		for (int i = 0; i < 1000; i++) {
			learning.serviceCompleted(2.0); // mu = 0.5
			learning.enteredService(1.0);
		}
		for (int i = 0; i < 100; i++) {
			learning.abandoned(1.0); // 100 abandons over 1,100 units of waiting
		}
		double[] e = learning.estimate(new QueueState(0, 4, 2, 3));
		assertThat(e[0]).as("ql").isCloseTo(5 / (2 * 0.5), within(1e-9));
		double theta = 100.0 / 1100;
		double expected = 0;
		for (int j = 0; j <= 4; j++) {
			expected += 1 / (2 * 0.5 + j * theta);
		}
		assertThat(e[1]).as("ql-abandonment").isCloseTo(expected, within(1e-9));
		assertThat(e[2]).as("les: the last wait before service").isEqualTo(1.0);
		assertThat(e[3]).as("hol: head's wait times (n+1)/n").isCloseTo(3 * 5.0 / 4, within(1e-12));
		assertThat(e[4]).as("moving average of recent waits").isCloseTo(1.0, within(1e-12));
	}

	@Test
	void erlangCMatchesItsTextbookFigures() {
		// 100 calls an hour, 6 minutes each: 10 Erlang; 12 agents
		double lambda = 100.0 / 3600, mu = 1.0 / 360;
		assertThat(ErlangC.waitProbability(12, lambda, mu)).isCloseTo(0.4493, within(0.0005));
		assertThat(ErlangC.meanWait(12, lambda, mu)).isCloseTo(0.4493 / (12 * mu - lambda), within(0.5));
		assertThat(ErlangC.agentsFor(lambda, mu, 20, 0.8)).isEqualTo(14);
		assertThat(ErlangC.serviceLevel(14, lambda, mu, 20)).isGreaterThanOrEqualTo(0.8);
		assertThat(ErlangC.serviceLevel(13, lambda, mu, 20)).isLessThan(0.8);
		assertThatThrownBy(() -> ErlangC.agentsFor(0, mu, 20, 0.8)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theSimulatorReproducesErlangC() {
		var result = Simulator.run(scenario(1, 200_000, 10, 9.0, null));
		double delayed = result.scores().get(0).samples() / (double) (200_000 - 10_000);
		assertThat(delayed).isCloseTo(ErlangC.waitProbability(10, 9.0, 1), within(0.02));
	}

	@Test
	void atHighLoadTheChosenEstimatorIsWithinFivePercentOfTheOracle() {
		var result = Simulator.run(scenario(42, 300_000, 100, 95, null));
		var chosen = score(result, result.chosen());
		var oracle = score(result, "oracle");
		assertThat(oracle.rase()).as("the optimum is about 1 - load").isCloseTo(0.05, within(0.01));
		assertThat(chosen.rase()).isLessThanOrEqualTo(oracle.rase() * 1.05);
		assertThat(score(result, Estimators.MOVING_AVERAGE).rase()).isGreaterThan(chosen.rase() * 2);
	}

	@Test
	void withPatienceTheAbandonmentFormIsChosenAndCloseToTheOracle() {
		var patience = new Distribution(Distribution.Kind.EXPONENTIAL, 2, 1);
		var result = Simulator.run(scenario(7, 300_000, 100, 105, patience));
		assertThat(result.abandoned()).isPositive();
		assertThat(result.chosen()).isEqualTo(Estimators.QL_ABANDONMENT);
		assertThat(score(result, result.chosen()).rase()).isLessThanOrEqualTo(score(result, "oracle").rase() * 1.05);
	}

	@Test
	void aScenarioWithMistakesNamesEachField() {
		var bad = new Scenario(1, 10, 10, 0, new Distribution(Distribution.Kind.HYPEREXPONENTIAL, -1, 0.5), null,
				List.of(new Scenario.Arrival(5, 1), new Scenario.Arrival(3, -1)));
		assertThatThrownBy(bad::validated).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.violations()).extracting(v -> v.field()).contains("warmup", "agents", "service.mean",
						"service.cv", "arrivals[0].from", "arrivals[1].from", "arrivals[1].rate"));
	}

	private static Scenario scenario(long seed, long contacts, int agents, double rate, Distribution patience) {
		return new Scenario(seed, contacts, contacts / 20, agents, new Distribution(Distribution.Kind.EXPONENTIAL, 1, 1),
				patience, List.of(new Scenario.Arrival(0, rate)));
	}

	private static EstimatorScore score(Simulator.Result result, String name) {
		return result.scores().stream().filter(s -> s.estimator().equals(name)).findFirst().orElseThrow();
	}
}
