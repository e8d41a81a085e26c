package dev.parley.history;

/** Who started the interaction: the customer (inbound) or the center (outbound). */
public enum Direction {
	INBOUND, OUTBOUND
}
