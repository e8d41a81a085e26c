package dev.parley.history;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.parley.chat.Chat;
import dev.parley.common.Medium;
import dev.parley.routing.InteractionClosed;

/**
 * Writes the history record of every interaction that closes: product, agent, medium, start and end, outcome,
 * summary and, for a chat, its transcript. Through the event publication registry, so a crash between the close
 * and the record delivers the event again; the record's id is the interaction's, so it is written once.
 */
@Component
class InteractionRecorder {

	private final InteractionHistory history;
	private final Chat chat;

	InteractionRecorder(InteractionHistory history, Chat chat) {
		this.history = history;
		this.chat = chat;
	}

	@ApplicationModuleListener
	void on(InteractionClosed closed) {
		String transcript = closed.medium() == Medium.CHAT ? chat.transcript(closed.interaction()) : null;
		history.record(new InteractionRecordId(closed.interaction().value()),
				new NewInteraction(closed.customer(), closed.product(), closed.agent(), closed.medium(),
						Direction.INBOUND, closed.connectedAt() == null ? closed.createdAt() : closed.connectedAt(),
						closed.endedAt(), closed.disposition(), closed.summary(), transcript));
	}
}
