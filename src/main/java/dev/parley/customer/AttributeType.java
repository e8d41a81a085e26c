package dev.parley.customer;

/** The type of a custom attribute's value. */
public enum AttributeType {
	TEXT, NUMBER, DATE, BOOLEAN, CHOICE
}
