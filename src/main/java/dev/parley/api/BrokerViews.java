package dev.parley.api;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.chat.ChatMessage;
import dev.parley.common.AgentId;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.Offer;
import dev.parley.routing.QueueManagement;
import dev.parley.status.CenterStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The broker's JSON: interactions as their customer and as their agent see them, offers and chat messages,
 * with names next to ids. Enum values go out as lowercase tokens ({@code wrap-up}) and come in either way.
 */
@Component
class BrokerViews {

	record Party(UUID id, String name) {
	}

	/** Named apart from the history's interaction record, which the document calls {@code InteractionView}. */
	@Schema(name = "LiveInteraction", description = "An interaction as it happens: its state, where it waits and "
			+ "who handles it. Customers see the agent's name; agents also see the customer, a transfer note, "
			+ "the summary and the wrap-up deadline.")
	record InteractionView(UUID id, String state, String medium, String queue, String queueName, UUID product,
			String productName, String topic, int position, Long estimatedWaitSeconds, Party agent, Party customer, String transferNote,
			Instant createdAt, Instant connectedAt, Instant endedAt, Instant closedAt, String disposition,
			String summary, Instant wrapUpDeadline, long version) {
	}

	record OfferView(UUID id, String state, Instant offeredAt, Instant expiresAt, InteractionView interaction) {
	}

	record MessageView(long seq, String sender, String senderName, String body, String clientId, Instant sentAt) {
	}

	private final IdentityManagement identity;
	private final QueueManagement queues;
	private final Catalog catalog;
	private final CenterStatus status;

	BrokerViews(IdentityManagement identity, QueueManagement queues, Catalog catalog, CenterStatus status) {
		this.identity = identity;
		this.queues = queues;
		this.catalog = catalog;
		this.status = status;
	}

	/** As the customer sees it: the agent's display name, nothing of the agents' notes. */
	InteractionView forCustomer(Interaction i, int position) {
		return view(i, position, false);
	}

	/** As the agent sees it: the customer, the transfer note, disposition and summary. */
	InteractionView forAgent(Interaction i) {
		return view(i, 0, true);
	}

	OfferView offer(AgentDesk.OfferView o) {
		Offer offer = o.offer();
		return new OfferView(offer.id().value(), token(offer.state().name()), offer.offeredAt(), offer.expiresAt(),
				forAgent(o.interaction()));
	}

	MessageView message(ChatMessage m) {
		return new MessageView(m.seq(), token(m.sender().name()), m.senderName(), m.body(), m.clientId(), m.sentAt());
	}

	String name(UUID account) {
		return identity.find(new AccountId(account)).map(Account::displayName).orElse("Unknown");
	}

	private InteractionView view(Interaction i, int position, boolean agentSide) {
		String queueName = queues.find(i.queue()).map(q -> q.name()).orElse(i.queue());
		String productName = i.product() == null ? null : catalog.find(i.product()).map(p -> p.name()).orElse(null);
		AgentId agent = i.agent();
		Long estimatedWait = agentSide ? null : status.estimatedWait(i).orElse(null);
		return new InteractionView(i.id().value(), i.state().token(), token(i.medium().name()), i.queue(), queueName,
				i.product() == null ? null : i.product().value(), productName, i.topic(), position, estimatedWait,
				agent == null ? null : new Party(agent.value(), name(agent.value())),
				agentSide ? new Party(i.customer().value(), name(i.customer().value())) : null,
				agentSide ? i.transferNote() : null, i.createdAt(), i.connectedAt(), i.endedAt(), i.closedAt(),
				i.disposition() == null ? null : token(i.disposition().name()), agentSide ? i.summary() : null,
				agentSide ? i.wrapUpDeadline() : null, i.version());
	}

	static String token(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static Medium medium(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Medium.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "invalid", "must be one of chat, voice, email, video");
		}
	}

	static Outcome disposition(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Outcome.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("disposition", "invalid",
					"must be one of resolved, follow-up, escalated, no-answer");
		}
	}
}
