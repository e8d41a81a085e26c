package dev.parley.chat;

import java.time.Instant;
import java.util.UUID;

import dev.parley.routing.InteractionId;

/**
 * One message of a chat: its sequence number in the interaction (1, 2, ...), who wrote it, the text (shown as
 * text, never as markup), the client's own id for it (a resend with the same id is stored once) and when.
 */
public record ChatMessage(InteractionId interaction, long seq, Sender sender, UUID senderId, String senderName,
		String body, String clientId, Instant sentAt) {
}
