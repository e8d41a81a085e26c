package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.catalog.Catalog;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.OrderStatusChanged;
import dev.parley.orders.Orders;
import dev.parley.presence.PresencePrivacy;
import dev.parley.routing.Interactions;
import dev.parley.routing.QueueManagement;
import dev.parley.status.CenterStatus;
import dev.parley.status.StatusThresholds;

/**
 * The alerts module on its own (the modules it asks are mocked): an event published by another module, delivered
 * through the event publication registry, raises the alert of a matching rule into the owner's inbox, once.
 */
@ApplicationModuleTest
@org.springframework.test.context.TestPropertySource(properties = "parley.alerts.resync=200ms")
class AlertsModuleTests {

	@Autowired
	Alerts alerts;

	@Autowired
	AlertTriggers triggers;

	@Autowired
	dev.parley.alerts.internal.AlertStore store;

	@Autowired
	dev.parley.alerts.internal.RuleIndex index;

	@MockitoBean
	QueueManagement queues;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	AgentManagement agents;

	@MockitoBean
	Orders orders;

	@MockitoBean
	PresencePrivacy privacy;

	@MockitoBean
	IdentityManagement identity;

	@MockitoBean
	Interactions interactions;

	@MockitoBean
	CenterStatus center;

	@MockitoBean
	StatusThresholds thresholds;

	@Test
	void anOrderMovingRaisesTheOwnersAlertOnce(Scenario scenario) {
		UUID cora = UUID.randomUUID();
		alerts.replaceRules(cora, AlertSide.CUSTOMER, List.of(new NewAlertRule("order-status", null, null, null, null,
				null, null)));
		var shipped = new OrderStatusChanged(OrderId.random(), "PO-100042", new CustomerId(cora), OrderStatus.PAID,
				OrderStatus.SHIPPED, Instant.now());

		scenario.publish(shipped)
			.andWaitForEventOfType(AlertRaised.class)
			.matching(e -> e.account().equals(cora))
			.toArriveAndVerify(e -> {
				assertThat(e.kind()).isEqualTo(AlertKind.ORDER_STATUS);
				assertThat(e.text()).isEqualTo("Order PO-100042 is shipped now");
			});
		assertThat(alerts.inbox(cora)).singleElement().satisfies(a -> assertThat(a.subjectName()).isEqualTo("PO-100042"));

		// the same event delivered again (as the registry redelivers) stores nothing more
		triggers.on(shipped);
		assertThat(alerts.unread(cora)).isEqualTo(1);
	}

	@Test
	void anAgentBecomingReadyRaisesTheAlertOfACustomerWaitingForThem(Scenario scenario) {
		UUID cora = UUID.randomUUID();
		AgentId ana = new AgentId(UUID.randomUUID());
		given(agents.agent(ana)).willReturn(new Agent(ana, "Ana Ruiz", "care", List.of(), java.util.Map.of()));
		given(identity.find(any())).willReturn(Optional.of(new Account(new AccountId(ana.value()), "ana", "Ana Ruiz",
				Role.AGENT, true, Instant.now())));
		alerts.replaceRules(cora, AlertSide.CUSTOMER, List.of(new NewAlertRule("agent-available", null, null,
				ana.toString(), null, null, null)));

		scenario.publish(new AgentStateChanged(ana, AgentState.NOT_READY, AgentState.READY, null, Instant.now()))
			.andWaitForEventOfType(AlertRaised.class)
			.matching(e -> e.account().equals(cora))
			.toArriveAndVerify(e -> assertThat(e.text()).isEqualTo("Ana Ruiz is available now"));
		assertThat(alerts.unread(cora)).isEqualTo(1);
		var alert = alerts.inbox(cora).get(0);
		alerts.dismiss(cora, alert.id());
		assertThat(alerts.unread(cora)).isZero();
	}

	@Test
	void aRuleAnotherNodeStoredIsFiledInThisNodesIndexWithinTheResyncInterval() {
		UUID erin = UUID.randomUUID();
		String queue = "q" + erin.toString().substring(0, 8);
		// written to the table as another node would, without this node's index hearing of it
		store.replaceRules(erin, AlertSide.CUSTOMER, List.of(new AlertRule(AlertRuleId.random(), erin,
				AlertKind.QUEUE_AGENT_AVAILABLE, queue, queue, null, Instant.now())));
		dev.parley.testing.Eventually.value(() -> index.has(AlertKind.QUEUE_AGENT_AVAILABLE, queue) ? true : null);
		store.replaceRules(erin, AlertSide.CUSTOMER, List.of());
		dev.parley.testing.Eventually.value(() -> index.has(AlertKind.QUEUE_AGENT_AVAILABLE, queue) ? null : true);
	}
}
