package dev.parley.chat;

import java.util.UUID;

import dev.parley.routing.InteractionId;

/** One side received or read further. */
public record ChatReceiptsChanged(InteractionId interaction, UUID customer, UUID agent, Receipts receipts) {
}
