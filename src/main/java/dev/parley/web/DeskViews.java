package dev.parley.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.Participant;
import dev.parley.chat.Receipts;
import dev.parley.chat.Sender;
import dev.parley.common.AgentId;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.security.ParleyUser;

/**
 * The workstation's views with names next to ids: offers (customer, queue, product or topic, when the offer
 * ends, the note of a transfer), chat panes (the interaction, its messages so far, receipts and the customer's
 * context) and where a chat can be transferred to.
 */
@Component
class DeskViews {

	/** An offer as the agent decides on it. */
	record OfferCard(String id, String interaction, String customer, String queueName, String product,
			String topic, Medium medium, Instant expiresAt, String transferNote, String transferredFrom) {
	}

	/** One open chat: what the pane shows and the customer beside it. */
	record Pane(Interaction interaction, String customer, String queueName, String product, String transferredFrom,
			long wrapUpSeconds, List<ChatMessage> messages, Receipts receipts, CustomerContexts.CustomerContext context) {

		public String id() {
			return interaction.id().toString();
		}

		public boolean connected() {
			return interaction.state() == InteractionState.CONNECTED;
		}

		public long lastSeq() {
			return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
		}

		/** The customer's messages the agent has not read yet. */
		public long unread() {
			return messages.stream().filter(m -> m.sender() == Sender.CUSTOMER && m.seq() > receipts.agentRead()).count();
		}
	}

	/** A place a chat can go: {@code queue:<key>} or {@code agent:<uuid>}. */
	record Target(String value, String label, boolean agent) {
	}

	private final AgentDesk desk;
	private final Chat chat;
	private final QueueManagement queues;
	private final AgentManagement agents;
	private final AgentStates states;
	private final IdentityManagement identity;
	private final Catalog catalog;
	private final CustomerContexts contexts;

	DeskViews(AgentDesk desk, Chat chat, QueueManagement queues, AgentManagement agents, AgentStates states,
			IdentityManagement identity, Catalog catalog, CustomerContexts contexts) {
		this.desk = desk;
		this.chat = chat;
		this.queues = queues;
		this.agents = agents;
		this.states = states;
		this.identity = identity;
		this.catalog = catalog;
		this.contexts = contexts;
	}

	List<OfferCard> offers(AgentId agent) {
		return desk.offers(agent).stream().map(o -> {
			Interaction i = o.interaction();
			return new OfferCard(o.offer().id().toString(), i.id().toString(), name(i.customer().value()),
					queueName(i.queue()), product(i), i.topic(), i.medium(), o.offer().expiresAt(), i.transferNote(),
					i.transferredFrom() == null ? null : name(i.transferredFrom().value()));
		}).sorted(Comparator.comparing(OfferCard::expiresAt)).toList();
	}

	/** The agent's chats, connected ones first, oldest first. */
	List<Pane> panes(ParleyUser user) {
		return desk.interactions(user.agentId()).stream().filter(i -> i.medium() == Medium.CHAT)
			.sorted(Comparator.comparing((Interaction i) -> i.state() != InteractionState.CONNECTED)
				.thenComparing(i -> i.connectedAt() == null ? Instant.EPOCH : i.connectedAt()))
			.map(i -> pane(user, i)).toList();
	}

	Pane pane(ParleyUser user, Interaction i) {
		Participant me = me(user);
		List<ChatMessage> messages = new ArrayList<>();
		long after = 0;
		List<ChatMessage> page;
		do {
			page = chat.messages(me, i.id(), after);
			messages.addAll(page);
			after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
		}
		while (page.size() == Chat.PAGE);
		String customer = name(i.customer().value());
		long wrapUp = queues.find(i.queue()).map(q -> q.wrapUpLimit().toSeconds()).orElse(0L);
		return new Pane(i, customer, queueName(i.queue()), product(i),
				i.transferredFrom() == null ? null : name(i.transferredFrom().value()), wrapUp, messages,
				chat.receipts(me, i.id()), contexts.of(i.customer(), customer));
	}

	/** The pane without its messages and customer: enough for its forms (compose, transfer, wrap-up). */
	Pane forms(Interaction i) {
		long wrapUp = queues.find(i.queue()).map(q -> q.wrapUpLimit().toSeconds()).orElse(0L);
		return new Pane(i, name(i.customer().value()), queueName(i.queue()), product(i), null, wrapUp, List.of(),
				Receipts.NONE, null);
	}

	/** The pane with the customer beside it but without its messages: enough for the context fragment. */
	Pane context(Interaction i) {
		String customer = name(i.customer().value());
		return new Pane(i, customer, queueName(i.queue()), product(i), null, 0, List.of(), Receipts.NONE,
				contexts.of(i.customer(), customer));
	}

	/** Queues that take chats, then the other agents who take work now. */
	List<Target> targets(AgentId me) {
		List<Target> targets = new ArrayList<>();
		queues.queues().stream().filter(q -> q.serves(Medium.CHAT)).sorted(Comparator.comparing(Queue::name))
			.forEach(q -> targets.add(new Target("queue:" + q.key(), q.name(), false)));
		Map<AgentId, AgentStatus> working = states.loggedIn();
		agents.agents(null).stream().filter(a -> !a.id().equals(me))
			.filter(a -> working.containsKey(a.id()) && working.get(a.id()).state().isAvailable())
			.map(Agent::id).forEach(id -> targets.add(new Target("agent:" + id.value(), name(id.value()), true)));
		return targets;
	}

	Participant me(ParleyUser user) {
		return Participant.agent(user.id(), user.displayName());
	}

	private String queueName(String key) {
		try {
			return queues.queue(key).name();
		}
		catch (NotFoundException e) {
			return key;
		}
	}

	private String product(Interaction i) {
		return i.product() == null ? null : catalog.find(i.product()).map(Product::name).orElse(null);
	}

	private String name(java.util.UUID account) {
		return identity.find(new AccountId(account)).map(Account::displayName).orElse("?");
	}
}
