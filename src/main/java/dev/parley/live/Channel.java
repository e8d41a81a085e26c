package dev.parley.live;

import java.io.IOException;

/** The wire under a {@link LiveConnection}: one event stream to one browser tab. */
interface Channel {

	/** Writes the frame and flushes it to the browser; called by one writer at a time. */
	void send(Frame frame) throws IOException;

	void close();
}
