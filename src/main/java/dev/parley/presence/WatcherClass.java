package dev.parley.presence;

/** The classes of watchers a presentity's principal chooses visibility for. */
public enum WatcherClass {
	/** The presentity's own principal (another device of the same account). */
	SELF,
	CUSTOMER, AGENT, SUPERVISOR,
	/** Parley's own consumers: routing engine, wallboards, status. */
	SERVICE,
	ANONYMOUS
}
