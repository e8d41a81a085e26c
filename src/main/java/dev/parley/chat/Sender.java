package dev.parley.chat;

/** Who wrote a message: the customer, the agent, or Parley itself (joined, left, transferred). */
public enum Sender {
	CUSTOMER, AGENT, SYSTEM
}
