package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.testing.ParleyIntegrationTest;

/**
 * An event delivered again (the publication registry redelivers one whose listener failed or went stale, possibly
 * while the first delivery still runs) raises nothing more and does not fail: the alerts stored by the first
 * delivery are skipped one by one, and one the first did not store is stored. On PostgreSQL a failed insert
 * aborts its whole transaction, so a duplicate must be skipped without one (it is, by ON CONFLICT).
 */
@ParleyIntegrationTest
class AlertRedeliveryTests {

	@Autowired
	Alerts alerts;

	@Autowired
	dev.parley.alerts.internal.AlertStore store;

	@Test
	void aRedeliveredEventStoresOnlyWhatTheFirstDeliveryDidNot() {
		UUID cora = UUID.randomUUID();
		Instant at = Instant.now();
		List<AlertRule> rules = List.of(rule(cora, AlertKind.ORDER_STATUS, AlertRule.ANY, at),
				rule(cora, AlertKind.ORDER_STATUS, "PO-100042", at), rule(cora, AlertKind.AGENT_AVAILABLE, "ana", at));
		store.replaceRules(cora, AlertSide.CUSTOMER, rules);
		var first = new AlertMatcher.Match(rules.get(0), "PO-100042", "shipped", "order:o1:SHIPPED");
		var second = new AlertMatcher.Match(rules.get(1), "PO-100042", "shipped", "order:o1:SHIPPED");
		var third = new AlertMatcher.Match(rules.get(2), "Ana", null, "ready:a1:1");

		alerts.raise(List.of(first, second), at); // the first delivery stored two of the three
		assertThat(alerts.unread(cora)).isEqualTo(2);

		alerts.raise(List.of(first, second, third), at); // redelivered: the two are there, the third is new
		assertThat(alerts.unread(cora)).isEqualTo(3);

		alerts.raise(List.of(first, second, third), at); // and again: nothing new, no failure
		assertThat(alerts.unread(cora)).isEqualTo(3);
		assertThat(alerts.inbox(cora)).extracting(Alert::id).doesNotHaveDuplicates();
	}

	private static AlertRule rule(UUID account, AlertKind kind, String key, Instant at) {
		return new AlertRule(AlertRuleId.random(), account, kind, AlertRule.ANY.equals(key) ? null : key, key, null, at);
	}
}
