package dev.parley.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.alerts.internal.RuleIndex;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.invitations.Direction;
import dev.parley.invitations.InvitationEvent;
import dev.parley.orders.OrderStatusChanged;
import dev.parley.routing.InteractionEvent;
import dev.parley.routing.InteractionOffered;
import dev.parley.routing.InteractionTransferred;
import dev.parley.routing.Offer;
import dev.parley.routing.OfferEnded;
import dev.parley.routing.Queue;

/**
 * Which rules an event matches: each event asks the index for the rules under its own keys only (the agent, the
 * queues they serve and those queues' categories, the customer, ...), never for all rules. No Spring, no database:
 * the names it shows come from {@link Names}.
 */
final class AlertMatcher {

	/** One rule an event matched: the alert it raises ({@code eventKey} makes its id). */
	record Match(AlertRule rule, String subjectName, String detail, String eventKey) {
	}

	/** Names for showing alerts, from the modules that know them. */
	interface Names {
		String queue(String key);

		String agent(AgentId agent);

		String customer(CustomerId customer);

		String product(String productId);
	}

	private final RuleIndex index;
	private final Names names;

	AlertMatcher(RuleIndex index, Names names) {
		this.index = index;
		this.names = names;
	}

	/**
	 * An agent became ready (from anything else): rules on that agent, on the queues they serve and on products of
	 * those queues' categories.
	 */
	List<Match> agentState(AgentStateChanged e, Collection<Queue> queuesOfAgent) {
		if (e.state() != AgentState.READY || e.previous() == AgentState.READY) {
			return List.of();
		}
		String key = "ready:" + e.agent() + ":" + e.at().toEpochMilli();
		Map<AlertRuleId, Match> found = new LinkedHashMap<>();
		for (AlertRule r : index.match(AlertKind.AGENT_AVAILABLE, e.agent().toString())) {
			found.putIfAbsent(r.id(), new Match(r, names.agent(e.agent()), null, key));
		}
		boolean products = index.has(AlertKind.PRODUCT_AGENT_AVAILABLE);
		for (Queue q : queuesOfAgent) {
			for (AlertRule r : index.match(AlertKind.QUEUE_AGENT_AVAILABLE, q.key())) {
				found.putIfAbsent(r.id(), new Match(r, q.name(), null, key));
			}
			if (products) {
				for (String category : q.categories()) {
					for (AlertRule r : index.match(AlertKind.PRODUCT_AGENT_AVAILABLE, category)) {
						found.computeIfAbsent(r.id(), id -> new Match(r, names.product(r.subject()), null, key));
					}
				}
			}
		}
		return List.copyOf(found.values());
	}

	/** An order of a customer moved: their rules on that order, or on any of theirs. A new order is no change. */
	List<Match> orderStatus(OrderStatusChanged e) {
		if (e.previous() == null) {
			return List.of();
		}
		List<Match> found = new ArrayList<>();
		for (AlertRule r : index.match(AlertKind.ORDER_STATUS, e.customer().toString())) {
			if (r.subject() == null || r.subject().equals(e.number())) {
				found.add(new Match(r, e.number(), token(e.status().name()), "order:" + e.order().value() + ":"
						+ e.status().name()));
			}
		}
		return found;
	}

	/**
	 * The broker's steps: a customer's turn, a transfer to an agent, an offer an agent let expire. A turn is once per
	 * contact and queue (its key names both): an offer made again in the same queue, or onward to an agent, raises
	 * nothing new; the first offer in the queue a transfer sent the contact to does.
	 */
	List<Match> interaction(InteractionEvent e) {
		List<Match> found = new ArrayList<>();
		if (e instanceof InteractionOffered offered) {
			for (AlertRule r : index.match(AlertKind.QUEUE_TURN, offered.customer().toString())) {
				found.add(new Match(r, names.queue(offered.queue()), "1", "turn:" + offered.interaction() + ":"
						+ offered.queue()));
			}
		}
		else if (e instanceof InteractionTransferred t && t.toAgent() != null) {
			for (AlertRule r : index.match(AlertKind.TRANSFER_ARRIVES, t.toAgent().toString())) {
				found.add(new Match(r, names.agent(t.from()), null, "transfer:" + t.interaction() + ":"
						+ t.at().toEpochMilli()));
			}
		}
		else if (e instanceof OfferEnded ended && ended.outcome() == Offer.State.EXPIRED) {
			for (AlertRule r : index.match(AlertKind.MISSED_OFFERS, ended.agent().toString())) {
				found.add(new Match(r, names.agent(ended.agent()), null, "missed:" + ended.offer()));
			}
		}
		return found;
	}

	/**
	 * A waiting contact reached {@code position} in line: its customer's rules that asked to be told there (once per
	 * contact and queue, so in the queue a transfer sent it to as well).
	 */
	List<Match> position(CustomerId customer, Object interaction, String queue, int position) {
		List<Match> found = new ArrayList<>();
		for (AlertRule r : index.match(AlertKind.QUEUE_TURN, customer.toString())) {
			if (r.position() != null && r.position() > 1 && position <= r.position()) {
				found.add(new Match(r, names.queue(queue), String.valueOf(position), "place:" + interaction + ":" + queue));
			}
		}
		return found;
	}

	/** A customer asked for an agent by name; a customer answered an agent's invitation. */
	List<Match> invitation(InvitationEvent e) {
		List<Match> found = new ArrayList<>();
		String agent = e.agent().toString();
		if (e instanceof InvitationEvent.InvitationSent && e.direction() == Direction.TO_AGENT) {
			for (AlertRule r : index.match(AlertKind.CUSTOMER_ASKS, agent)) {
				found.add(new Match(r, names.customer(e.customer()), null, "ask:" + e.invitation()));
			}
		}
		else if ((e instanceof InvitationEvent.InvitationAccepted || e instanceof InvitationEvent.InvitationDeclined)
				&& e.direction() == Direction.TO_CUSTOMER) {
			for (AlertRule r : index.match(AlertKind.INVITATION_REPLY, agent)) {
				found.add(new Match(r, names.customer(e.customer()), e.state().token(), "reply:" + e.invitation()));
			}
		}
		return found;
	}

	/** A customer came online in the portal (was not before): agents' rules on that customer. */
	List<Match> cameOnline(CustomerId customer, long at) {
		List<Match> found = new ArrayList<>();
		for (AlertRule r : index.match(AlertKind.CUSTOMER_ONLINE, customer.toString())) {
			found.add(new Match(r, names.customer(customer), null, "online:" + customer + ":" + at));
		}
		return found;
	}

	/**
	 * A queue went past a threshold of the wallboard ({@code breach}: {@code oldest-wait}, {@code waiting},
	 * {@code service-level}), from within it before: supervisors' rules on that queue or on any.
	 */
	List<Match> breach(Queue queue, String breach, String figure, long since) {
		AlertKind kind = switch (breach) {
			case "oldest-wait" -> AlertKind.QUEUE_WAIT;
			case "waiting" -> AlertKind.QUEUE_SIZE;
			case "service-level" -> AlertKind.SERVICE_LEVEL;
			default -> null;
		};
		if (kind == null) {
			return List.of();
		}
		List<Match> found = new ArrayList<>();
		for (AlertRule r : index.match(kind, queue.key())) {
			found.add(new Match(r, queue.name(), figure, "breach:" + queue.key() + ":" + breach + ":" + since));
		}
		return found;
	}

	private static String token(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
