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
 * through the event publication registry, raises the alert of a matching rule into the owner's inbox, once. The
 * scenarios wait for the inbox rather than for {@code AlertRaised}: the test's capture of events is bound to threads,
 * and the listeners' pool threads outlive the test that started them.
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
			.andWaitForStateChange(() -> alerts.inbox(cora), inbox -> !inbox.isEmpty())
			.andVerify(inbox -> assertThat(inbox).singleElement().satisfies(a -> {
				assertThat(a.kind()).isEqualTo(AlertKind.ORDER_STATUS);
				assertThat(a.text()).isEqualTo("Order PO-100042 is shipped now");
				assertThat(a.subjectName()).isEqualTo("PO-100042");
			}));

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
			.andWaitForStateChange(() -> alerts.inbox(cora), inbox -> !inbox.isEmpty())
			.andVerify(inbox -> assertThat(inbox.get(0).text()).isEqualTo("Ana Ruiz is available now"));
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

	@Test
	void aQueuePassingTheWallboardsWaitThresholdRaisesTheSupervisorsAlertOnceUntilItIsWithinAgain(Scenario scenario) {
		UUID sam = UUID.randomUUID();
		String key = "q" + sam.toString().substring(0, 8);
		var queue = new dev.parley.routing.Queue(key, "Support line", null, "g", java.util.Set.of(
				dev.parley.common.Medium.CHAT), java.util.Set.of(), List.of(), dev.parley.routing.RoutingStrategy.LONGEST_IDLE,
				0, java.time.Duration.ofSeconds(20), 3, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(20),
				false, 0);
		given(queues.find(key)).willReturn(Optional.of(queue));
		given(queues.queues()).willReturn(List.of(queue));
		var status = org.mockito.Mockito.mock(dev.parley.status.QueueStatus.class);
		given(center.queue(key)).willReturn(status);
		given(thresholds.breaches(status)).willReturn(List.of(new StatusThresholds.Breach("oldest-wait", 150, 120)));
		alerts.replaceRules(sam, AlertSide.SUPERVISOR, List.of(new NewAlertRule("queue-wait", key, null, null, null,
				null, null)));

		scenario.publish(new dev.parley.status.StatusChanged(key))
			.andWaitForStateChange(() -> alerts.inbox(sam), inbox -> !inbox.isEmpty())
			.andVerify(inbox -> assertThat(inbox.get(0).text()).isEqualTo("The longest wait in Support line is 150 s"));

		// still past it: nothing new; within it, then past it again: a second alert
		triggersSee(key);
		assertThat(alerts.unread(sam)).isEqualTo(1);
		given(thresholds.breaches(status)).willReturn(List.of());
		triggersSee(key);
		given(thresholds.breaches(status)).willReturn(List.of(new StatusThresholds.Breach("oldest-wait", 130, 120)));
		triggersSee(key);
		dev.parley.testing.Eventually.value(() -> alerts.unread(sam) == 2 ? true : null);
	}

	@Test
	void aWatchedCustomerComingOnlineRaisesTheAgentsAlert(Scenario scenario) {
		UUID ana = UUID.randomUUID();
		UUID cora = UUID.randomUUID();
		given(privacy.watchableByAgent(any(), org.mockito.ArgumentMatchers.anyInt())).willReturn(List.of(cora));
		given(identity.find(new AccountId(cora))).willReturn(Optional.of(new Account(new AccountId(cora), "cora",
				"Cora Online", Role.CUSTOMER, true, Instant.now())));
		given(privacy.letsAgentSee(cora, ana)).willReturn(true);
		alerts.replaceRules(ana, AlertSide.AGENT, List.of(new NewAlertRule("customer-online", null, null, null,
				cora.toString(), null, null)));

		scenario.publish(new dev.parley.presence.PresenceChanged(dev.parley.presence.PresentityId.customer(cora), 1,
				true, Instant.now()))
			.andWaitForStateChange(() -> alerts.inbox(ana), inbox -> !inbox.isEmpty())
			.andVerify(inbox -> assertThat(inbox.get(0).text()).isEqualTo("Cora Online is online now"));
	}

	@Test
	void aCustomerWhoBlockedAnAgentSinceHisRuleWasSetDoesNotRaiseItWhenSheComesOnline(Scenario scenario) {
		UUID ana = UUID.randomUUID();
		UUID ben = UUID.randomUUID();
		UUID cora = UUID.randomUUID();
		given(privacy.watchableByAgent(any(), org.mockito.ArgumentMatchers.anyInt())).willReturn(List.of(cora));
		given(identity.find(new AccountId(cora))).willReturn(Optional.of(new Account(new AccountId(cora), "cora",
				"Cora Private", Role.CUSTOMER, true, Instant.now())));
		for (UUID agent : List.of(ana, ben)) {
			alerts.replaceRules(agent, AlertSide.AGENT, List.of(new NewAlertRule("customer-online", null, null, null,
					cora.toString(), null, null)));
		}
		// after the rules were set, she blocks Ana (and still lets Ben see her)
		given(privacy.letsAgentSee(cora, ana)).willReturn(false);
		given(privacy.letsAgentSee(cora, ben)).willReturn(true);

		scenario.publish(new dev.parley.presence.PresenceChanged(dev.parley.presence.PresentityId.customer(cora), 1,
				true, Instant.now()))
			.andWaitForStateChange(() -> alerts.inbox(ben), inbox -> !inbox.isEmpty())
			.andVerify(inbox -> assertThat(inbox.get(0).text()).isEqualTo("Cora Private is online now"));
		var done = new java.util.concurrent.CompletableFuture<Void>();
		triggers.onWorker(() -> done.complete(null));
		done.join();
		assertThat(alerts.inbox(ana)).isEmpty();
	}

	/** The figures of the queue changed, and the alerts' thread has looked at them. */
	private void triggersSee(String key) {
		triggers.on(new dev.parley.status.StatusChanged(key));
		var done = new java.util.concurrent.CompletableFuture<Void>();
		triggers.onWorker(() -> done.complete(null));
		done.join();
	}
}
