package dev.parley.chat;

import java.util.UUID;

/** Someone taking part in a chat: a side (customer or agent), their account id and display name. */
public record Participant(Sender side, UUID account, String name) {

	public static Participant customer(UUID account, String name) {
		return new Participant(Sender.CUSTOMER, account, name);
	}

	public static Participant agent(UUID account, String name) {
		return new Participant(Sender.AGENT, account, name);
	}
}
