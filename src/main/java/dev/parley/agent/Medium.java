package dev.parley.agent;

/** A way of reaching the center that agents handle and groups offer. */
public enum Medium {
	CHAT, VOICE, EMAIL, VIDEO
}
