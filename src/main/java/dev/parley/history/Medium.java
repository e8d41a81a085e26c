package dev.parley.history;

/** How the customer and the agent spoke. */
public enum Medium {
	CHAT, VOICE, EMAIL, VIDEO
}
