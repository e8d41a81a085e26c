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

/**
 * Erlang A against Erlang C (nobody abandons) and both against the simulator (exponential service and patience,
 * fixed seeds, a million contacts each: over fewer, one run's service level wanders by a point or more): the
 * staffing the what-if page answers is what the simulated center does.
 */
class ErlangATests {

	@Test
	void withoutAbandonmentItIsErlangC() {
		var a = ErlangA.figures(10, 8, 1, 1e-9, 0.5);
		assertThat(a.waitProbability()).isCloseTo(ErlangC.waitProbability(10, 8, 1), within(1e-4));
		assertThat(a.serviceLevel()).isCloseTo(ErlangC.serviceLevel(10, 8, 1, 0.5), within(1e-4));
		assertThat(a.meanWaitOfAnswered()).isCloseTo(ErlangC.meanWait(10, 8, 1), within(1e-3));
		assertThat(a.abandonShare()).isLessThan(1e-6);
	}

	@Test
	void erlangCMatchesTheSimulatedCenter() {
		var run = Simulator.run(new Scenario(7, 1_000_000, 20_000, 10, exponential(1), null,
				List.of(new Scenario.Arrival(0, 9))), 0.1).outcomes();
		assertThat(run.serviceLevel()).isCloseTo(ErlangC.serviceLevel(10, 9, 1, 0.1), within(0.01));
		assertThat(run.meanWaitOfAnswered()).isCloseTo(ErlangC.meanWait(10, 9, 1), within(0.04));
	}

	@Test
	void erlangAMatchesTheSimulatedCenterInOverload() {
		// 20 agents, 24 contacts per unit (load 1.2): only abandonment keeps the line finite
		var figures = ErlangA.figures(20, 24, 1, 0.5, 0.2);
		var run = Simulator.run(new Scenario(11, 1_000_000, 20_000, 20, exponential(1), exponential(2),
				List.of(new Scenario.Arrival(0, 24))), 0.2).outcomes();
		assertThat(run.abandonShare()).isCloseTo(figures.abandonShare(), within(0.01));
		assertThat(run.serviceLevel()).isCloseTo(figures.serviceLevel(), within(0.01));
		assertThat(run.meanWaitOfAnswered()).isCloseTo(figures.meanWaitOfAnswered(), within(0.03));
	}

	@Test
	void erlangAMatchesTheSimulatedCenterBelowCapacity() {
		var figures = ErlangA.figures(30, 27, 1, 0.2, 0.1);
		var run = Simulator.run(new Scenario(13, 1_000_000, 20_000, 30, exponential(1), exponential(5),
				List.of(new Scenario.Arrival(0, 27))), 0.1).outcomes();
		assertThat(run.abandonShare()).isCloseTo(figures.abandonShare(), within(0.01));
		assertThat(run.serviceLevel()).isCloseTo(figures.serviceLevel(), within(0.01));
	}

	@Test
	void staffingReachesTheTargetAndOneFewerDoesNot() {
		// 120 contacts an hour, 4 minutes each, patience 2 minutes: 80% within 20 s
		double lambda = 120 / 3600.0;
		double mu = 1 / 240.0;
		double theta = 1 / 120.0;
		int a = ErlangA.agentsFor(lambda, mu, theta, 20, 0.8);
		assertThat(ErlangA.figures(a, lambda, mu, theta, 20).serviceLevel()).isGreaterThanOrEqualTo(0.8);
		assertThat(ErlangA.figures(a - 1, lambda, mu, theta, 20).serviceLevel()).isLessThan(0.8);
		int c = ErlangC.agentsFor(lambda, mu, 20, 0.8);
		assertThat(a).as("those who leave do not need answering: never more agents than Erlang C").isLessThanOrEqualTo(c);
	}

	@Test
	void impossibleQuestionsAreRefusedNamingTheField() {
		assertThatThrownBy(() -> ErlangA.agentsFor(-1, 1, 0.1, 20, 1.5))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(v -> v.field()).containsExactlyInAnyOrder("arrivalRate", "serviceLevel"));
	}

	private static Distribution exponential(double mean) {
		return new Distribution(Distribution.Kind.EXPONENTIAL, mean, 1);
	}
}
