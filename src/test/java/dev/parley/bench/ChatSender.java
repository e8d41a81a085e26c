package dev.parley.bench;

import java.util.function.IntConsumer;

/**
 * How the benchmark's agents send their chat messages: a request each ({@link #overHttp}) or over their chat sockets
 * ({@link SocketPoster}). The status given to {@code status} is the request's (201 stored), -1 when the connection
 * broke.
 */
interface ChatSender {

	void send(String interaction, String token, String body, String clientId, IntConsumer status);

	/** Messages not answered yet. */
	int waiting();

	/** The answer times so far as "p50 / p99 / max ms over n", and forgets them. */
	String answerTimes();

	/** {@code POST /api/v1/agent/interactions/{id}/messages} on the poster's keep-alive connections. */
	static ChatSender overHttp(ApiPoster poster) {
		return new ChatSender() {

			@Override
			public void send(String interaction, String token, String body, String clientId, IntConsumer status) {
				poster.send("POST", "/api/v1/agent/interactions/" + interaction + "/messages", token,
						"{\"body\":\"" + body + "\",\"clientId\":\"" + clientId + "\"}", status);
			}

			@Override
			public int waiting() {
				return poster.waiting();
			}

			@Override
			public String answerTimes() {
				return poster.answerTimes();
			}
		};
	}
}
