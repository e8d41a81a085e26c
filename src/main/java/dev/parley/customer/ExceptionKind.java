package dev.parley.customer;

/** What a dated agenda exception does: BUSY removes availability, FREE adds it. */
public enum ExceptionKind {
	BUSY, FREE
}
