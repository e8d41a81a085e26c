package dev.parley.chat;

import java.util.UUID;

import dev.parley.routing.InteractionId;

/** A message was stored (announced after commit to the live channel of both sides). */
public record ChatMessagePosted(ChatMessage message, UUID customer, UUID agent) {

	public InteractionId interaction() {
		return message.interaction();
	}
}
