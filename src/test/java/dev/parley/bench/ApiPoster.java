package dev.parley.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * A lean load generator for the JSON API: a few keep-alive HTTP/1.1 connections on raw sockets, one thread each,
 * taking requests from one queue, writing them and reading the answer's status and body (length or chunked). At
 * thousands of requests a second the JDK's HttpClient spent more of the two cores than the server it measured; this
 * spends almost nothing but the system calls. The status (or -1 when the connection broke) goes to the callback.
 */
final class ApiPoster implements AutoCloseable {

	private record Task(byte[] request, IntConsumer status) {
	}

	private static final Task STOP = new Task(new byte[0], s -> {
	});

	private final InetSocketAddress server;
	private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
	private final List<Thread> workers = new ArrayList<>();
	/** Each request's time from writing it to its answer's end (the server's answer time, queueing there included). */
	private final AnswerTimes answerTimes = new AnswerTimes();

	ApiPoster(String host, int port, int connections) {
		this.server = new InetSocketAddress(host, port);
		for (int i = 0; i < connections; i++) {
			Thread t = new Thread(this::work, "api-poster-" + i);
			t.setDaemon(true);
			t.start();
			workers.add(t);
		}
	}

	/** Queues a request; its status comes to {@code status} on a worker thread. */
	void send(String method, String path, String token, String json, IntConsumer status) {
		byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
				+ "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n"
				+ (json == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: " + body.length + "\r\n\r\n";
		byte[] h = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[h.length + body.length];
		System.arraycopy(h, 0, request, 0, h.length);
		System.arraycopy(body, 0, request, h.length, body.length);
		queue.add(new Task(request, status));
	}

	/** The answer times so far as "p50 / p99 / max ms over n", and forgets them. */
	String answerTimes() {
		return answerTimes.take();
	}

	/** Requests waiting for a connection. */
	int waiting() {
		return queue.size();
	}

	private void work() {
		Socket socket = null;
		InputStream in = null;
		OutputStream out = null;
		while (true) {
			Task task;
			try {
				task = queue.take();
			}
			catch (InterruptedException e) {
				break;
			}
			if (task == STOP) {
				break;
			}
			int status;
			boolean keep;
			try {
				if (socket == null) {
					socket = new Socket();
					socket.setTcpNoDelay(true);
					socket.connect(server, 10_000);
					socket.setSoTimeout(30_000);
					in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
					out = socket.getOutputStream();
				}
				long sent = System.nanoTime();
				out.write(task.request);
				out.flush();
				long[] answer = readAnswer(in);
				answerTimes.add(System.nanoTime() - sent);
				status = (int) answer[0];
				keep = answer[1] == 1;
			}
			catch (IOException e) {
				status = -1;
				keep = false;
			}
			if (!keep && socket != null) {
				try {
					socket.close();
				}
				catch (IOException e) {
					// gone already
				}
				socket = null;
			}
			task.status.accept(status);
		}
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException e) {
				// gone already
			}
		}
	}

	/** Reads one answer: {status, 1 if the connection stays open}. */
	private static long[] readAnswer(InputStream in) throws IOException {
		String statusLine = line(in);
		if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
			throw new IOException("not an HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = 0;
		boolean chunked = false;
		boolean keep = true;
		String header;
		while (!(header = line(in)).isEmpty()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).strip();
			String value = header.substring(colon + 1).strip();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				keep = false;
			}
		}
		if (chunked) {
			long size;
			while ((size = Long.parseLong(line(in).split(";")[0].strip(), 16)) > 0) {
				skip(in, size);
				line(in);
			}
			while (!line(in).isEmpty()) {
				// trailers
			}
		}
		else {
			skip(in, length);
		}
		return new long[] { status, keep ? 1 : 0 };
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder s = new StringBuilder(64);
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("the connection ended");
			}
			if (b != '\r') {
				s.append((char) b);
			}
		}
		return s.toString();
	}

	private static void skip(InputStream in, long n) throws IOException {
		while (n > 0) {
			long k = in.skip(n);
			if (k <= 0) {
				if (in.read() < 0) {
					throw new IOException("the connection ended");
				}
				k = 1;
			}
			n -= k;
		}
	}

	@Override
	public void close() {
		for (int i = 0; i < workers.size(); i++) {
			queue.add(STOP);
		}
	}
}
