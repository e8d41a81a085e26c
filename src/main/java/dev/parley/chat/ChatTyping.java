package dev.parley.chat;

import java.util.UUID;

import dev.parley.routing.InteractionId;

/** Someone is typing (not stored; the live channel carries it to the other side). */
public record ChatTyping(InteractionId interaction, Sender side, String name, UUID customer, UUID agent) {
}
