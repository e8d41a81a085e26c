package dev.parley.common;

/**
 * A medium of contact: how a customer and the center interact. Interactions, queues, agents' capacities,
 * groups' offers, routing, status figures and history all carry this one type (column type {@code medium},
 * message keys {@code medium.<NAME>}).
 */
public enum Medium {
	CHAT, VOICE, EMAIL, VIDEO
}
