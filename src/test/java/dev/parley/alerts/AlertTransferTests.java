package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.routing.Transfer;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * A customer's turn is told per queue: her contact offered in the first queue raises it; the agent transfers it to
 * another queue, and its offer there raises it again, naming the new queue.
 */
@ParleyIntegrationTest
class AlertTransferTests {

	@Autowired
	Alerts alerts;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	QueueManagement queues;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Test
	void aContactTransferredToAnotherQueueRaisesTheTurnAlertThereToo() {
		String salesGroup = RoutingFixtures.openGroup(agents);
		String careGroup = RoutingFixtures.openGroup(agents);
		var sales = RoutingFixtures.queue(queues, salesGroup, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var care = RoutingFixtures.queue(queues, careGroup, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var ana = RoutingFixtures.agent(agents, salesGroup);
		var ben = RoutingFixtures.agent(agents, careGroup);
		var cora = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
		alerts.replaceRules(cora.value(), AlertSide.CUSTOMER, List.of(new NewAlertRule("queue-turn", null, null, null,
				null, null, null)));

		states.change(ana.id(), "ready", null);
		try {
			var contact = interactions.start(cora, new NewContact(Medium.CHAT, null, sales.key(), "order")).interaction();
			var offer = Eventually.value(() -> desk.offers(ana.id()).stream().findFirst().orElse(null));
			Eventually.value(() -> alerts.inbox(cora.value()).size() == 1 ? true : null);
			desk.accept(ana.id(), offer.offer().id());
			desk.transfer(ana.id(), contact.id(), new Transfer(care.key(), null, "a care question"));

			states.change(ben.id(), "ready", null);
			Eventually.value(() -> desk.offers(ben.id()).stream().findFirst().orElse(null));
			var inbox = Eventually.value(() -> {
				var all = alerts.inbox(cora.value());
				return all.size() == 2 ? all : null;
			});
			assertThat(inbox).extracting(Alert::kind).containsOnly(AlertKind.QUEUE_TURN);
			assertThat(inbox).extracting(Alert::subjectName).containsExactlyInAnyOrder(sales.name(), care.name());
		}
		finally {
			states.change(ana.id(), "logged-out", null);
			states.change(ben.id(), "logged-out", null);
		}
	}
}
