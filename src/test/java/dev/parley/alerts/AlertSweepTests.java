package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.alerts.internal.AlertStore;
import dev.parley.alerts.internal.AlertSweep;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The inbox is pruned: alerts older than the retention (30 days) and alerts dismissed more than an hour ago are
 * deleted, a bounded batch per statement; a second round, or another node's, finds nothing more to delete.
 */
@ParleyIntegrationTest
class AlertSweepTests {

	@Autowired
	AlertStore store;

	@Autowired
	AlertSweep sweep;

	@Test
	void oldAndLongDismissedAlertsAreDeletedAndTheRestKept() {
		UUID sam = UUID.randomUUID();
		Instant now = Instant.now();
		Alert old = alert(sam, now.minus(Duration.ofDays(31)));
		Alert recent = alert(sam, now.minus(Duration.ofDays(29)));
		Alert dismissedLongAgo = alert(sam, now.minus(Duration.ofHours(3)));
		Alert dismissedJustNow = alert(sam, now.minus(Duration.ofHours(3)));
		store.dismiss(sam, dismissedLongAgo.id(), now.minus(Duration.ofHours(2)));
		store.dismiss(sam, dismissedJustNow.id(), now.minusSeconds(60));

		assertThat(sweep.sweep()).isGreaterThanOrEqualTo(2);

		assertThat(store.find(sam, old.id())).isEmpty();
		assertThat(store.find(sam, dismissedLongAgo.id())).isEmpty();
		assertThat(store.find(sam, recent.id())).isPresent();
		assertThat(store.find(sam, dismissedJustNow.id())).isPresent();
		assertThat(store.inbox(sam, 10)).extracting(Alert::id).containsExactly(recent.id());
		sweep.sweep();
		assertThat(store.find(sam, recent.id())).isPresent();
	}

	@Test
	void aRoundDeletesInBoundedBatches() {
		UUID sam = UUID.randomUUID();
		Instant longAgo = Instant.now().minus(Duration.ofDays(400));
		for (int i = 0; i < 5; i++) {
			alert(sam, longAgo.plusSeconds(i));
		}
		Instant before = longAgo.plusSeconds(10);
		Instant nothingDismissed = Instant.EPOCH;
		assertThat(store.prune(before, nothingDismissed, 2)).isEqualTo(2);
		assertThat(store.prune(before, nothingDismissed, 2)).isEqualTo(2);
		assertThat(store.prune(before, nothingDismissed, 2)).isEqualTo(1);
		assertThat(store.prune(before, nothingDismissed, 2)).isZero();
	}

	private Alert alert(UUID account, Instant raised) {
		var rule = AlertRuleId.random();
		Alert a = new Alert(AlertId.of(rule, "test:" + UUID.randomUUID()), account, rule, AlertKind.QUEUE_SIZE, "q",
				"Support line", "3", raised, null);
		assertThat(store.insert(a)).isTrue();
		return a;
	}
}
