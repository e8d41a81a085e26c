package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.common.RefusedException;
import dev.parley.history.InteractionHistory;
import dev.parley.history.InteractionRecordId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ParleyIntegrationTest;
import dev.parley.testing.Eventually;

/**
 * Routing over time: an offer nobody takes goes to the next agent and missed offers set an agent not ready;
 * transfers to a queue and to a named agent carry their note; a wrap-up past its limit closes by itself and
 * still leaves its history record; busy follows capacity.
 */
@ParleyIntegrationTest
class RoutingFlowTests {

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentStates states;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Autowired
	IdentityManagement identity;

	@Autowired
	InteractionHistory history;

	@Test
	void anOfferNobodyTakesGoesToTheNextAgentAndTheMissSetsTheAgentNotReady() {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = queues.create("q" + UUID.randomUUID().toString().substring(0, 8), new QueueDefinition("Fast",
				null, group, Set.of(Medium.CHAT), Set.of(), List.of(), RoutingStrategy.LONGEST_IDLE, 0, 5, 1, 60, 20,
				false), null);
		Agent slow = RoutingFixtures.agent(agents, group);
		Agent quick = RoutingFixtures.agent(agents, group);
		states.change(slow.id(), "ready", null);
		var chat = interactions.start(customer(), new NewContact(Medium.CHAT, null, queue.key(), null)).interaction();
		var first = Eventually.value(() -> desk.offers(slow.id()).stream().findFirst().orElse(null));
		assertThat(first.interaction().id()).isEqualTo(chat.id());

		states.change(quick.id(), "ready", null);
		var second = Eventually.value(() -> desk.offers(quick.id()).stream().findFirst().orElse(null));
		assertThat(second.interaction().id()).as("after 5 s the next agent gets it").isEqualTo(chat.id());
		var slowNow = states.status(slow.id());
		assertThat(slowNow.state()).isEqualTo(AgentState.NOT_READY);
		assertThat(slowNow.reason()).isEqualTo(AgentState.Reason.MISSED_OFFER);
		assertThatThrownBy(() -> desk.accept(slow.id(), first.offer().id())).as("too late")
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void transfersCarryTheirNoteAndAWrapUpPastItsLimitClosesByItself() {
		String group = RoutingFixtures.openGroup(agents);
		Queue first = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		Queue billing = queues.create("q" + UUID.randomUUID().toString().substring(0, 8), new QueueDefinition(
				"Billing", null, group, Set.of(Medium.CHAT), Set.of(), List.of(), RoutingStrategy.LONGEST_IDLE, 0, 60, 3,
				0, 20, false), null);
		Agent ana = RoutingFixtures.agent(agents, group);
		Agent ben = RoutingFixtures.agent(agents, group);
		states.change(ana.id(), "ready", null);
		var chat = interactions.start(customer(), new NewContact(Medium.CHAT, null, first.key(), "invoice"))
			.interaction();
		var offer = Eventually.value(() -> desk.offers(ana.id()).stream().findFirst().orElse(null));
		desk.accept(ana.id(), offer.offer().id());
		assertThat(states.status(ana.id()).state()).isIn(AgentState.READY, AgentState.BUSY);

		states.change(ben.id(), "ready", null);
		desk.transfer(ana.id(), chat.id(), new Transfer(null, ben.id(), "Wants a refund for March"));
		var toBen = Eventually.value(() -> desk.offers(ben.id()).stream().findFirst().orElse(null));
		assertThat(toBen.interaction().transferNote()).isEqualTo("Wants a refund for March");
		desk.accept(ben.id(), toBen.offer().id());
		assertThatThrownBy(() -> desk.get(ana.id(), chat.id())).isInstanceOf(RefusedException.class);

		states.change(ana.id(), "logged-out", null);
		desk.transfer(ben.id(), chat.id(), new Transfer(billing.key(), null, "Billing knows refunds"));
		states.change(ben.id(), "logged-out", null);
		Agent cleo = RoutingFixtures.agent(agents, group);
		states.change(cleo.id(), "ready", null);
		var toCleo = Eventually.value(() -> desk.offers(cleo.id()).stream().findFirst().orElse(null));
		assertThat(toCleo.interaction().queue()).isEqualTo(billing.key());
		assertThat(toCleo.interaction().transferNote()).isEqualTo("Billing knows refunds");
		desk.accept(cleo.id(), toCleo.offer().id());

		desk.end(cleo.id(), chat.id()); // billing allows no wrap-up time: the next tick closes it
		var closed = Eventually.value(() -> interactions.find(chat.id())
			.filter(i -> i.state() == InteractionState.CLOSED).orElse(null));
		assertThat(closed.disposition()).isEqualTo(Outcome.FOLLOW_UP);
		var record = Eventually.value(() -> history.history(closed.customer(),
				dev.parley.history.HistoryFilter.none(), 0, 5).items().stream()
			.filter(n -> n.record().id().equals(new InteractionRecordId(chat.id().value()))).findFirst().orElse(null));
		assertThat(record.record().agentId()).isEqualTo(cleo.id());
	}

	@Test
	void anAgentWithNoFreeCapacityIsBusyAndReadyAgainWhenAChatCloses() {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.VOICE), RoutingStrategy.LONGEST_IDLE, 60);
		Agent agent = RoutingFixtures.agent(agents, group); // voice capacity 1
		states.change(agent.id(), "ready", null);
		var call = interactions.start(customer(), new NewContact(Medium.VOICE, null, queue.key(), null)).interaction();
		var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		Eventually.value(() -> states.status(agent.id()).state() == AgentState.BUSY ? true : null);
		desk.end(agent.id(), call.id());
		Eventually.value(() -> states.status(agent.id()).state() == AgentState.WRAP_UP ? true : null);
		desk.wrapUp(agent.id(), call.id(), Outcome.RESOLVED, "Sorted");
		Eventually.value(() -> states.status(agent.id()).state() == AgentState.READY ? true : null);
	}

	private CustomerId customer() {
		return new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
	}
}
