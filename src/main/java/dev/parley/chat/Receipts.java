package dev.parley.chat;

/**
 * How far each side has got: the last sequence number given, and up to which number the customer's and the
 * agent's side have received (delivered) and read the messages.
 */
public record Receipts(long lastSeq, long customerDelivered, long customerRead, long agentDelivered, long agentRead) {

	public static final Receipts NONE = new Receipts(0, 0, 0, 0, 0);
}
