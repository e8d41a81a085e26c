package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The chat messages' sender over the chat socket ({@code /api/v1/agent/chat-socket}): one WebSocket per agent's
 * token (as each agent's client would hold one), opened on its first message, frames written one after another and
 * their answers matched in order (the socket answers in the order the frames came). The status given to the callback
 * is the request's: 201 for a stored message, the problem's status otherwise, -1 when the socket broke. The JDK's
 * WebSocket client: one selector thread for all sockets, the callbacks on one more.
 */
final class SocketPoster implements ChatSender, AutoCloseable {

	private final String base;
	private final HttpClient http = HttpClient.newBuilder().executor(Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "socket-poster");
		t.setDaemon(true);
		return t;
	})).build();
	private final Map<String, Line> lines = new ConcurrentHashMap<>();
	private final AtomicInteger waiting = new AtomicInteger();
	private final AnswerTimes answerTimes = new AnswerTimes();

	SocketPoster(String host, int port) {
		this.base = "ws://" + host + ":" + port + "/api/v1/agent/chat-socket";
	}

	/** Sends a message of the interaction on the token's socket; its status comes to {@code status}. */
	@Override
	public void send(String interaction, String token, String body, String clientId, IntConsumer status) {
		String frame = "{\"interaction\":\"" + interaction + "\",\"body\":\"" + body + "\",\"clientId\":\"" + clientId
				+ "\"}";
		waiting.incrementAndGet();
		lines.computeIfAbsent(token, Line::new).send(frame, status);
	}

	/** Messages written and not answered yet. */
	@Override
	public int waiting() {
		return waiting.get();
	}

	@Override
	public String answerTimes() {
		return answerTimes.take();
	}

	/** One agent's socket: the frames to write, and those written waiting for their answers, in order. */
	private final class Line implements WebSocket.Listener {

		private final Queue<Object[]> toWrite = new ArrayDeque<>();
		private final Queue<Object[]> written = new ArrayDeque<>();
		private final StringBuilder partial = new StringBuilder();
		private WebSocket socket;
		private boolean writing;
		private boolean broken;

		Line(String token) {
			http.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(URI.create(base), this)
				.orTimeout(30, TimeUnit.SECONDS)
				.whenComplete((ws, failed) -> {
					synchronized (this) {
						if (failed != null) {
							broken = true;
						}
						else {
							socket = ws;
						}
					}
					if (failed != null) {
						failAll();
					}
					else {
						next();
					}
				});
		}

		void send(String frame, IntConsumer status) {
			boolean failNow;
			synchronized (this) {
				failNow = broken;
				if (!failNow) {
					toWrite.add(new Object[] { frame, status, 0L });
				}
			}
			if (failNow) {
				waiting.decrementAndGet();
				status.accept(-1);
				return;
			}
			next();
		}

		/** Writes the next frame if none is being written. */
		private void next() {
			Object[] task;
			WebSocket ws;
			synchronized (this) {
				if (socket == null || writing || toWrite.isEmpty()) {
					return;
				}
				task = toWrite.poll();
				task[2] = System.nanoTime();
				written.add(task);
				writing = true;
				ws = socket;
			}
			ws.sendText((String) task[0], true).whenComplete((w, failed) -> {
				synchronized (this) {
					writing = false;
				}
				if (failed != null) {
					failAll();
				}
				else {
					next();
				}
			});
		}

		@Override
		public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				String answer = partial.toString();
				partial.setLength(0);
				Object[] task;
				synchronized (this) {
					task = written.poll();
				}
				if (task != null) {
					answerTimes.add(System.nanoTime() - (long) task[2]);
					waiting.decrementAndGet();
					((IntConsumer) task[1]).accept(status(answer));
				}
			}
			ws.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
			failAll();
			return null;
		}

		@Override
		public void onError(WebSocket ws, Throwable error) {
			failAll();
		}

		private void failAll() {
			Queue<Object[]> lost = new ArrayDeque<>();
			synchronized (this) {
				broken = true;
				lost.addAll(written);
				lost.addAll(toWrite);
				written.clear();
				toWrite.clear();
			}
			for (Object[] task : lost) {
				waiting.decrementAndGet();
				((IntConsumer) task[1]).accept(-1);
			}
		}

		void close() {
			WebSocket ws;
			synchronized (this) {
				ws = socket;
			}
			if (ws != null) {
				ws.abort();
			}
		}
	}

	/** The request's status for an answer: 201 stored, else the problem's. */
	private static int status(String answer) {
		if (answer.startsWith("{\"type\":\"message\"")) {
			return 201;
		}
		int at = answer.indexOf("\"status\":");
		if (at < 0) {
			return 0;
		}
		int end = at + 9;
		while (end < answer.length() && Character.isDigit(answer.charAt(end))) {
			end++;
		}
		return Integer.parseInt(answer.substring(at + 9, end));
	}

	@Override
	public void close() {
		lines.values().forEach(Line::close);
	}
}
