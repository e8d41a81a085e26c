package dev.parley.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.Participant;
import dev.parley.chat.Receipts;
import dev.parley.common.NotFoundException;
import dev.parley.history.InteractionHistory;
import dev.parley.history.InteractionRecordId;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.security.ParleyUser;
import dev.parley.status.CenterStatus;
import dev.parley.status.QueueStatus;

/**
 * The customer's chat page with names next to ids: the interaction, its queue, product and agent (display name),
 * the place in the line and the estimated wait while it waits, the messages so far with how far the agent got, and
 * whether the history holds it yet (written from the closing event, a moment after the close).
 */
@Component
class CustomerChats {

	/** What the chat page shows. {@code estimatedWait} is null while nobody serves the queue (or it does not wait). */
	record ChatView(Interaction interaction, String queueName, String product, String agent, int position,
			QueueStatus.Range estimatedWait, List<ChatMessage> messages, Receipts receipts, boolean inHistory) {

		public String id() {
			return interaction.id().toString();
		}

		public String state() {
			return interaction.state().token();
		}

		/** The customer may still write: until the agent ends it (they may write while they wait). */
		public boolean open() {
			return !interaction.state().isFinal() && interaction.state() != InteractionState.WRAP_UP;
		}

		public long lastSeq() {
			return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
		}
	}

	private final Interactions interactions;
	private final QueueManagement queues;
	private final Catalog catalog;
	private final Chat chat;
	private final CenterStatus status;
	private final IdentityManagement identity;
	private final InteractionHistory history;

	CustomerChats(Interactions interactions, QueueManagement queues, Catalog catalog, Chat chat, CenterStatus status,
			IdentityManagement identity, InteractionHistory history) {
		this.interactions = interactions;
		this.queues = queues;
		this.catalog = catalog;
		this.chat = chat;
		this.status = status;
		this.identity = identity;
		this.history = history;
	}

	Participant me(ParleyUser user) {
		return Participant.customer(user.id(), user.displayName());
	}

	/** The chat with every message so far (what the page gets counts as delivered); another's answers as unknown. */
	ChatView view(ParleyUser user, InteractionId id) {
		return view(user, id, true);
	}

	/** The chat's state only (header, place in line), without reading the messages again. */
	ChatView state(ParleyUser user, InteractionId id) {
		return view(user, id, false);
	}

	private ChatView view(ParleyUser user, InteractionId id, boolean withMessages) {
		var seen = interactions.get(user.customerId(), id);
		Interaction i = seen.interaction();
		if (i.medium() != dev.parley.common.Medium.CHAT) {
			throw new NotFoundException("chat");
		}
		List<ChatMessage> messages = withMessages ? all(user, id) : List.of();
		Long wait = status.estimatedWait(i).orElse(null);
		return new ChatView(i, queues.find(i.queue()).map(Queue::name).orElse(i.queue()),
				i.product() == null ? null : catalog.find(i.product()).map(p -> p.name()).orElse(null),
				i.agent() == null ? null : identity.find(new AccountId(i.agent().value())).map(Account::displayName)
					.orElse(null),
				seen.position(), wait == null ? null : new QueueStatus.Range(wait, wait), messages,
				chat.receipts(me(user), id), i.state() == InteractionState.CLOSED && recorded(user, id));
	}

	private List<ChatMessage> all(ParleyUser user, InteractionId id) {
		List<ChatMessage> all = new ArrayList<>();
		List<ChatMessage> page;
		do {
			page = chat.messages(me(user), id, all.isEmpty() ? 0 : all.get(all.size() - 1).seq());
			all.addAll(page);
		}
		while (page.size() == Chat.PAGE);
		return all;
	}

	private boolean recorded(ParleyUser user, InteractionId id) {
		try {
			history.get(user.customerId(), new InteractionRecordId(id.value()));
			return true;
		}
		catch (NotFoundException e) {
			return false;
		}
	}
}
