package dev.parley.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which thresholds a queue's figures pass: longest wait, contacts waiting, service level. */
class StatusThresholdsTests {

	private final StatusThresholds thresholds = new StatusThresholds(Duration.ofMinutes(2), 10, 0.8);

	@Test
	void aQueueWithinEveryThresholdHasNoAlert() {
		assertThat(thresholds.breaches(figures(9, 120, 0.8))).isEmpty();
		assertThat(thresholds.breaches(figures(0, 0, null))).as("no service level yet: no alert").isEmpty();
	}

	@Test
	void eachThresholdPassedIsOneAlertWithItsFigureAndLimit() {
		assertThat(thresholds.breaches(figures(10, 121, 0.79))).containsExactly(
				new StatusThresholds.Breach("oldest-wait", 121, 120), new StatusThresholds.Breach("waiting", 10, 10),
				new StatusThresholds.Breach("service-level", 0.79, 0.8));
	}

	@Test
	void settingsOutOfRangeAreRefusedAtStart() {
		assertThatThrownBy(() -> new StatusThresholds(Duration.ZERO, 10, 0.8)).hasMessageContaining("oldest-wait");
		assertThatThrownBy(() -> new StatusThresholds(Duration.ofMinutes(1), 0, 0.8)).hasMessageContaining("waiting");
		assertThatThrownBy(() -> new StatusThresholds(Duration.ofMinutes(1), 1, 1.5)).hasMessageContaining("service-level");
	}

	private static QueueStatus figures(int waiting, long oldest, Double serviceLevel) {
		return new QueueStatus("q", null, 1, 0, 1, 0, 0, waiting, oldest, null, null, serviceLevel, null, null, null,
				null, Set.of(), null, List.of());
	}
}
