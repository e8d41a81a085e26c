package dev.parley.live;

import java.io.IOException;

/** The wire under a {@link LiveConnection}: one event stream to one browser tab. */
interface Channel {

	void send(String event, String data) throws IOException;

	void keepAlive() throws IOException;

	void close();
}
