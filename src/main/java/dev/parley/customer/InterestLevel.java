package dev.parley.customer;

/** How interested a customer is in a category or topic. */
public enum InterestLevel {
	LOW, MEDIUM, HIGH
}
