package dev.parley.presence;

/** RFC 2778 STATUS: the two mutually exclusive values every watcher understands. */
public enum BasicStatus {
	OPEN, CLOSED
}
