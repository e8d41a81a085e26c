package dev.parley.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.alerts.internal.RuleIndex;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.invitations.Direction;
import dev.parley.invitations.InvitationEvent;
import dev.parley.invitations.InvitationId;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.OrderStatusChanged;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionOffered;
import dev.parley.routing.InteractionTransferred;
import dev.parley.routing.Offer;
import dev.parley.routing.OfferEnded;
import dev.parley.routing.OfferId;
import dev.parley.routing.Queue;
import dev.parley.routing.RoutingStrategy;

/** Which rules an event matches: only those filed under the event's own keys, each once. */
class AlertMatcherTests {

	static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

	final RuleIndex index = new RuleIndex();
	final AlertMatcher matcher = new AlertMatcher(index, new AlertMatcher.Names() {
		public String queue(String key) {
			return "Queue " + key;
		}

		public String agent(AgentId agent) {
			return "Ana";
		}

		public String customer(CustomerId customer) {
			return "Cora";
		}

		public String product(String productId) {
			return "Desk lamp";
		}
	});

	final UUID cora = UUID.randomUUID();
	final UUID dan = UUID.randomUUID();
	final AgentId ana = new AgentId(UUID.randomUUID());

	@Test
	void anAgentBecomingReadyMatchesRulesOnTheQueuesTheyServeAndOnThemAndNoOthers() {
		var sales = rule(cora, AlertKind.QUEUE_AGENT_AVAILABLE, "sales", "sales");
		var named = rule(dan, AlertKind.AGENT_AVAILABLE, ana.toString(), ana.toString());
		var other = rule(dan, AlertKind.QUEUE_AGENT_AVAILABLE, "care", "care");
		var lamp = rule(dan, AlertKind.PRODUCT_AGENT_AVAILABLE, ProductId.random().toString(), "lighting");
		index.load(List.of(sales, named, other, lamp));

		var matches = matcher.agentState(ready(AgentState.NOT_READY), List.of(queue("sales", Set.of("lighting", "phones"))));

		assertThat(matches).extracting(m -> m.rule().id()).containsExactlyInAnyOrder(sales.id(), named.id(), lamp.id());
		assertThat(matches).extracting(AlertMatcher.Match::subjectName).contains("Sales desk", "Ana", "Desk lamp");
	}

	@Test
	void onlyBecomingReadyCounts() {
		index.load(List.of(rule(cora, AlertKind.AGENT_AVAILABLE, ana.toString(), ana.toString())));
		assertThat(matcher.agentState(ready(AgentState.READY), List.of())).isEmpty();
		assertThat(matcher.agentState(new AgentStateChanged(ana, AgentState.READY, AgentState.NOT_READY,
				AgentState.Reason.BREAK, NOW), List.of())).isEmpty();
		assertThat(matcher.agentState(ready(AgentState.BUSY), List.of())).hasSize(1);
	}

	@Test
	void aRuleHeldOnTwoQueuesOfTheAgentIsMatchedOnce() {
		var lamp = rule(cora, AlertKind.PRODUCT_AGENT_AVAILABLE, ProductId.random().toString(), "lighting");
		index.load(List.of(lamp));
		var matches = matcher.agentState(ready(AgentState.LOGGED_OUT),
				List.of(queue("sales", Set.of("lighting")), queue("care", Set.of("lighting"))));
		assertThat(matches).hasSize(1);
	}

	@Test
	void anOrderRuleMatchesItsOrderOrAnyOfTheOwnersAndNotANewOrder() {
		var any = rule(cora, AlertKind.ORDER_STATUS, null, cora.toString());
		var one = rule(cora, AlertKind.ORDER_STATUS, "PO-100042", cora.toString());
		var other = rule(cora, AlertKind.ORDER_STATUS, "PO-100043", cora.toString());
		var dans = rule(dan, AlertKind.ORDER_STATUS, null, dan.toString());
		index.load(List.of(any, one, other, dans));
		var shipped = new OrderStatusChanged(OrderId.random(), "PO-100042", new CustomerId(cora), OrderStatus.PAID,
				OrderStatus.SHIPPED, NOW);

		var matches = matcher.orderStatus(shipped);

		assertThat(matches).extracting(m -> m.rule().id()).containsExactlyInAnyOrder(any.id(), one.id());
		assertThat(matches.get(0).detail()).isEqualTo("shipped");
		assertThat(matcher.orderStatus(new OrderStatusChanged(OrderId.random(), "PO-1", new CustomerId(cora), null,
				OrderStatus.PLACED, NOW))).isEmpty();
	}

	@Test
	void aCustomersTurnComesWhenTheirContactIsOffered() {
		var turn = queueTurn(cora, 1);
		index.load(List.of(turn, queueTurn(dan, 1)));
		var offered = new InteractionOffered(InteractionId.random(), new CustomerId(cora), OfferId.random(), ana, "sales",
				Medium.CHAT, NOW.plusSeconds(30), NOW);
		assertThat(matcher.interaction(offered)).extracting(m -> m.rule().id()).containsExactly(turn.id());
	}

	@Test
	void aTurnIsOncePerContactAndQueueSoATransferToAnotherQueueRaisesItAgain() {
		var turn = queueTurn(cora, 3);
		index.load(List.of(turn));
		var contact = InteractionId.random();
		String inSales = matcher.interaction(offered(contact, "sales")).get(0).eventKey();
		assertThat(matcher.interaction(offered(contact, "sales")).get(0).eventKey()).as("offered again in sales")
			.isEqualTo(inSales);
		assertThat(matcher.interaction(offered(contact, "care")).get(0).eventKey()).as("transferred to care")
			.isNotEqualTo(inSales);
		String placeInSales = matcher.position(new CustomerId(cora), contact, "sales", 2).get(0).eventKey();
		assertThat(matcher.position(new CustomerId(cora), contact, "care", 2).get(0).eventKey())
			.isNotEqualTo(placeInSales);
	}

	private InteractionOffered offered(InteractionId contact, String queue) {
		return new InteractionOffered(contact, new CustomerId(cora), OfferId.random(), ana, queue, Medium.CHAT,
				NOW.plusSeconds(30), NOW);
	}

	@Test
	void aPlaceInLineMatchesRulesAskingForThatPlaceOrLater() {
		var third = queueTurn(cora, 3);
		var first = queueTurn(cora, 1);
		index.load(List.of(third, first));
		var interaction = InteractionId.random();
		assertThat(matcher.position(new CustomerId(cora), interaction, "sales", 4)).isEmpty();
		assertThat(matcher.position(new CustomerId(cora), interaction, "sales", 3)).extracting(m -> m.rule().id())
			.containsExactly(third.id());
	}

	@Test
	void aTransferToAnAgentAndAMissedOfferReachOnlyTheirRules() {
		var transfer = rule(ana.value(), AlertKind.TRANSFER_ARRIVES, null, ana.toString());
		var watchAll = rule(dan, AlertKind.MISSED_OFFERS, null, AlertRule.ANY);
		var watchAna = rule(cora, AlertKind.MISSED_OFFERS, ana.toString(), ana.toString());
		var watchOther = rule(cora, AlertKind.MISSED_OFFERS, UUID.randomUUID().toString(), UUID.randomUUID().toString());
		index.load(List.of(transfer, watchAll, watchAna, watchOther));

		var moved = new InteractionTransferred(InteractionId.random(), new CustomerId(cora), new AgentId(UUID.randomUUID()),
				null, ana, "over to you", NOW);
		assertThat(matcher.interaction(moved)).extracting(m -> m.rule().id()).containsExactly(transfer.id());
		var missed = new OfferEnded(InteractionId.random(), new CustomerId(cora), OfferId.random(), ana,
				Offer.State.EXPIRED, NOW);
		assertThat(matcher.interaction(missed)).extracting(m -> m.rule().id())
			.containsExactlyInAnyOrder(watchAll.id(), watchAna.id());
		var rejected = new OfferEnded(InteractionId.random(), new CustomerId(cora), OfferId.random(), ana,
				Offer.State.REJECTED, NOW);
		assertThat(matcher.interaction(rejected)).isEmpty();
	}

	@Test
	void aCustomersRequestAndAnAnswerToAnInvitationReachTheAgent() {
		var asks = rule(ana.value(), AlertKind.CUSTOMER_ASKS, null, ana.toString());
		var reply = rule(ana.value(), AlertKind.INVITATION_REPLY, null, ana.toString());
		index.load(List.of(asks, reply));
		var id = new InvitationId(UUID.randomUUID());
		assertThat(matcher.invitation(new InvitationEvent.InvitationSent(id, new CustomerId(cora), ana,
				Direction.TO_AGENT, NOW))).extracting(m -> m.rule().id()).containsExactly(asks.id());
		assertThat(matcher.invitation(new InvitationEvent.InvitationSent(id, new CustomerId(cora), ana,
				Direction.TO_CUSTOMER, NOW))).isEmpty();
		var declined = matcher.invitation(new InvitationEvent.InvitationDeclined(id, new CustomerId(cora), ana,
				Direction.TO_CUSTOMER, NOW));
		assertThat(declined).extracting(m -> m.rule().id()).containsExactly(reply.id());
		assertThat(declined.get(0).detail()).isEqualTo("declined");
	}

	@Test
	void aBreachReachesRulesOnTheQueueAndOnAnyQueueOfItsKind() {
		var onSales = rule(dan, AlertKind.QUEUE_WAIT, "sales", "sales");
		var onAny = rule(cora, AlertKind.QUEUE_WAIT, null, AlertRule.ANY);
		var size = rule(cora, AlertKind.QUEUE_SIZE, null, AlertRule.ANY);
		index.load(List.of(onSales, onAny, size));
		assertThat(matcher.breach(queue("sales", Set.of()), "oldest-wait", "130", 1L)).extracting(m -> m.rule().id())
			.containsExactlyInAnyOrder(onSales.id(), onAny.id());
		assertThat(matcher.breach(queue("care", Set.of()), "oldest-wait", "130", 1L)).extracting(m -> m.rule().id())
			.containsExactly(onAny.id());
	}

	@Test
	void replacingAnAccountsRulesOfOneSideLeavesItsOtherRulesAndOthersRules() {
		var mine = rule(cora, AlertKind.QUEUE_AGENT_AVAILABLE, "sales", "sales");
		var theirs = rule(dan, AlertKind.QUEUE_AGENT_AVAILABLE, "sales", "sales");
		index.load(List.of(mine, theirs));
		index.load(List.of(mine, theirs));
		assertThat(index.size()).isEqualTo(2);
		var newer = rule(cora, AlertKind.QUEUE_AGENT_AVAILABLE, "care", "care");
		index.replace(cora, AlertSide.CUSTOMER, List.of(newer));
		assertThat(index.match(AlertKind.QUEUE_AGENT_AVAILABLE, "sales")).containsExactly(theirs);
		assertThat(index.match(AlertKind.QUEUE_AGENT_AVAILABLE, "care")).containsExactly(newer);
		index.replace(cora, AlertSide.CUSTOMER, List.of());
		assertThat(index.has(AlertKind.QUEUE_AGENT_AVAILABLE, "care")).isFalse();
		assertThat(index.size()).isEqualTo(1);
	}

	@Test
	void anAlertsIdIsTheSameForTheSameRuleAndEvent() {
		var r = AlertRuleId.random();
		assertThat(AlertId.of(r, "ready:x:1")).isEqualTo(AlertId.of(r, "ready:x:1")).isNotEqualTo(AlertId.of(r, "ready:x:2"));
	}

	private AgentStateChanged ready(AgentState previous) {
		return new AgentStateChanged(ana, previous, AgentState.READY, null, NOW);
	}

	private static AlertRule rule(UUID account, AlertKind kind, String subject, String key) {
		return new AlertRule(AlertRuleId.random(), account, kind, subject, key, null, NOW);
	}

	private static AlertRule queueTurn(UUID account, int position) {
		return new AlertRule(AlertRuleId.random(), account, AlertKind.QUEUE_TURN, null, account.toString(), position, NOW);
	}

	private static Queue queue(String key, Set<String> categories) {
		return new Queue(key, key.substring(0, 1).toUpperCase() + key.substring(1) + " desk", "", "g", Set.of(Medium.CHAT),
				categories, List.of(), RoutingStrategy.LONGEST_IDLE, 0, Duration.ofSeconds(30), 3, Duration.ofMinutes(2),
				Duration.ofSeconds(20), false, 0);
	}
}
