package dev.parley.live;

import java.io.IOException;

/** The wire under a {@link LiveConnection}: one event stream to one browser tab. */
interface Channel {

	/**
	 * Whether the browser can take a frame now without anyone waiting for it. False: the channel runs the callback
	 * given to {@link #onReady} once it can (a writer then writes what waits), so no writer thread ever waits for a
	 * browser that stopped reading.
	 */
	default boolean ready() {
		return true;
	}

	/** Writes the frame and flushes it to the browser; called by one writer at a time, after {@link #ready()}. */
	void send(Frame frame) throws IOException;

	/** What to run when a channel that was not ready can take frames again. */
	default void onReady(Runnable resume) {
	}

	void close();
}
