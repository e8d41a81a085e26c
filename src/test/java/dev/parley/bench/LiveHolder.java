package dev.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Holds thousands of live connections ({@code GET /live/presence}) the way browser tabs hold them, on one NIO selector
 * thread: raw sockets, the request written with the page's session cookie, the chunked event stream decoded and scanned
 * for what the live benchmark times. A child process of {@link LiveBenchmark} (JDK classes only, so it starts with
 * {@code target/test-classes} alone and keeps its file descriptors for sockets). Commands come on standard input, one
 * a line; what happened goes to standard output, one a line, with {@code System.nanoTime()} stamps (the same clock in
 * every process of this machine).
 * <pre>
 * ADD idx path cookie          a page to hold (not opened yet)
 * OPEN from to perSecond max   open pages from..to (inclusive) at that rate, at most max waiting for their hello
 * COUNT                        answers COUNT open=.. opening=.. failed=.. reconnects=.. closedByServer=..
 * ROUNDS t1 v1 t2 v2 ...       broadcast rounds (sent at t, new agentsAvailable v): answers, per round, LAT r missing
 *                              followed by the microseconds from t to the first status event carrying v on every page
 *                              open before t
 * QUIT
 * </pre>
 * Out: {@code OPENED idx t} (first hello), {@code REOPENED idx t}, {@code FAILED idx reason} (not 200: a page's
 * EventSource gives up), {@code BUSY idx} (503: tried again after a jittered, doubling back-off, as live.js does),
 * {@code CLOSED idx t why} (the stream ended: the page reconnects after the server's
 * {@code retry}, 3 s without one), {@code MSG idx t clientId} (a chat message event), {@code ACK what}.
 * <p>
 * {@code java -cp target/test-classes dev.parley.bench.LiveHolder 127.0.0.1 8080}
 */
public final class LiveHolder {

	private static final int HEADERS = 1;
	private static final int BODY = 2;
	private static final int CLOSED = 3;

	private static final int E_NONE = 0;
	private static final int E_HELLO = 1;
	private static final int E_STATUS = 2;
	private static final int E_MESSAGE = 3;
	private static final int E_OTHER = 4;

	private static final int DEFAULT_RETRY_MILLIS = 3_000;
	private static final int MAX_LINE = 4_096;

	private static final byte[] AVAILABLE = "\"agentsAvailable\":".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] CLIENT_ID = "\"clientId\":\"".getBytes(StandardCharsets.US_ASCII);

	/** One page's connection. */
	static final class Page {
		final int idx;
		final byte[] request;
		SocketChannel channel;
		int phase;
		boolean everOpened;
		int refusals; // 503s in a row
		boolean open;
		long openedAt;
		int retryMillis = DEFAULT_RETRY_MILLIS;
		// response head
		byte[] head = new byte[0];
		int headLen;
		boolean chunked;
		// chunked decoding: 0 size, 1 extension, 2 data, 3 CRLF after data
		int chunkState;
		long chunkLeft;
		// the event stream
		byte[] line = new byte[128];
		int lineLen;
		int event;
		int lastValue = Integer.MIN_VALUE;
		long[] changedAt = new long[8];
		int[] changedTo = new int[8];
		int changes;

		Page(int idx, byte[] request) {
			this.idx = idx;
			this.request = request;
		}

		void changed(long at, int value) {
			if (changes == changedAt.length) {
				changedAt = Arrays.copyOf(changedAt, changes * 2);
				changedTo = Arrays.copyOf(changedTo, changes * 2);
			}
			changedAt[changes] = at;
			changedTo[changes] = value;
			changes++;
		}
	}

	private record Due(long at, Page page) {
	}

	private final InetSocketAddress server;
	private final Selector selector;
	private final Map<Integer, Page> pages = new HashMap<>();
	private final ConcurrentLinkedQueue<String> commands = new ConcurrentLinkedQueue<>();
	private final ArrayDeque<Page> toOpen = new ArrayDeque<>();
	private final PriorityQueue<Due> reconnects = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
	private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
	private final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
			StandardCharsets.US_ASCII);
	private long openEveryNanos;
	private long nextOpenAt;
	private int maxOpening = 200;
	private int opening;
	private int openCount;
	private int failed;
	private int reconnectCount;
	private int closedByServer;
	private volatile boolean running = true;

	LiveHolder(InetSocketAddress server) throws IOException {
		this.server = server;
		this.selector = Selector.open();
	}

	public static void main(String[] args) throws Exception {
		var holder = new LiveHolder(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
		Thread reader = new Thread(() -> holder.readCommands(new BufferedReader(new InputStreamReader(System.in,
				StandardCharsets.US_ASCII))), "commands");
		reader.setDaemon(true);
		reader.start();
		holder.loop();
	}

	private void readCommands(BufferedReader in) {
		try {
			String line;
			while ((line = in.readLine()) != null) {
				commands.add(line);
				selector.wakeup();
			}
		}
		catch (IOException e) {
			// the benchmark went away
		}
		commands.add("QUIT");
		selector.wakeup();
	}

	private void loop() throws IOException {
		while (running) {
			long now = System.nanoTime();
			openDue(now);
			long wait = 20;
			if (!toOpen.isEmpty()) {
				wait = 1;
			}
			if (!reconnects.isEmpty()) {
				wait = Math.max(1, Math.min(wait, (reconnects.peek().at - now) / 1_000_000));
			}
			selector.select(wait);
			long at = System.nanoTime();
			var keys = selector.selectedKeys();
			for (SelectionKey key : keys) {
				Page p = (Page) key.attachment();
				try {
					if (key.isValid() && key.isConnectable()) {
						connected(p, key);
					}
					else if (key.isValid() && key.isReadable()) {
						read(p, key, at);
					}
				}
				catch (IOException | RuntimeException e) {
					lost(p, at, "error:" + e.getClass().getSimpleName());
				}
			}
			keys.clear();
			String c;
			while ((c = commands.poll()) != null) {
				command(c);
			}
			out.flush();
		}
		out.flush();
	}

	private void openDue(long now) {
		while (!reconnects.isEmpty() && reconnects.peek().at <= now && opening < maxOpening) {
			start(reconnects.poll().page);
		}
		while (!toOpen.isEmpty() && nextOpenAt <= now && opening < maxOpening) {
			start(toOpen.poll());
			nextOpenAt = Math.max(nextOpenAt + openEveryNanos, now - 50_000_000L);
		}
	}

	private void start(Page p) {
		try {
			SocketChannel ch = SocketChannel.open();
			ch.configureBlocking(false);
			ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
			p.channel = ch;
			p.phase = HEADERS;
			p.headLen = 0;
			p.chunked = false;
			p.chunkState = 0;
			p.lineLen = 0;
			p.event = E_NONE;
			opening++;
			if (ch.connect(server)) {
				connected(p, ch.register(selector, SelectionKey.OP_READ, p));
			}
			else {
				ch.register(selector, SelectionKey.OP_CONNECT, p);
			}
		}
		catch (IOException e) {
			lost(p, System.nanoTime(), "connect:" + e.getMessage());
		}
	}

	private void connected(Page p, SelectionKey key) throws IOException {
		if (p.channel.isConnectionPending()) {
			p.channel.finishConnect();
		}
		ByteBuffer req = ByteBuffer.wrap(p.request);
		while (req.hasRemaining()) {
			if (p.channel.write(req) == 0) {
				throw new IOException("request not written at once");
			}
		}
		key.interestOps(SelectionKey.OP_READ);
	}

	private void read(Page p, SelectionKey key, long at) throws IOException {
		while (true) {
			buffer.clear();
			int n = p.channel.read(buffer);
			if (n < 0) {
				lost(p, at, "eof");
				return;
			}
			if (n == 0) {
				return;
			}
			feed(p, buffer.array(), 0, n, at);
			if (p.phase == CLOSED) {
				return;
			}
			if (n < buffer.capacity()) {
				return;
			}
		}
	}

	/** The stream ended or failed: like EventSource, reconnect after the server's retry if it had been a 200. */
	private void lost(Page p, long at, String why) {
		boolean wasOpen = p.open;
		boolean wasOpening = p.phase == HEADERS;
		close(p);
		if (wasOpening) {
			opening--;
		}
		if (wasOpen) {
			openCount--;
			closedByServer++;
			out.println("CLOSED " + p.idx + " " + at + " " + why);
		}
		if (p.everOpened || !why.startsWith("status")) {
			// a page whose stream was cut (or that could not connect) tries again after its retry, as EventSource does
			reconnects.add(new Due(at + p.retryMillis * 1_000_000L, p));
		}
	}

	private void close(Page p) {
		p.phase = CLOSED;
		p.open = false;
		if (p.channel != null) {
			try {
				p.channel.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
	}

	private void feed(Page p, byte[] b, int off, int len, long at) {
		int i = off;
		int end = off + len;
		if (p.phase == HEADERS) {
			i = head(p, b, i, end, at);
			if (p.phase != BODY) {
				return;
			}
		}
		if (!p.chunked) {
			sse(p, b, i, end - i, at);
			return;
		}
		while (i < end && p.phase == BODY) {
			byte c = b[i];
			switch (p.chunkState) {
				case 0 -> {
					i++;
					int d = Character.digit(c, 16);
					if (d >= 0) {
						p.chunkLeft = p.chunkLeft * 16 + d;
					}
					else if (c == ';') {
						p.chunkState = 1;
					}
					else if (c == '\n') {
						chunkStart(p, at);
					}
				}
				case 1 -> {
					i++;
					if (c == '\n') {
						chunkStart(p, at);
					}
				}
				case 2 -> {
					int n = (int) Math.min(p.chunkLeft, end - i);
					sse(p, b, i, n, at);
					i += n;
					p.chunkLeft -= n;
					if (p.chunkLeft == 0) {
						p.chunkState = 3;
					}
				}
				default -> {
					i++;
					if (c == '\n') {
						p.chunkState = 0;
						p.chunkLeft = 0;
					}
				}
			}
		}
	}

	private void chunkStart(Page p, long at) {
		if (p.chunkLeft == 0) {
			lost(p, at, "end");
			return;
		}
		p.chunkState = 2;
	}

	/** Reads the response head; returns where the body starts. Anything but 200 fails the page for good. */
	private int head(Page p, byte[] b, int i, int end, long at) {
		while (i < end) {
			if (p.headLen == p.head.length) {
				p.head = Arrays.copyOf(p.head, Math.max(256, p.headLen * 2));
			}
			p.head[p.headLen++] = b[i++];
			int h = p.headLen;
			if (h >= 4 && p.head[h - 4] == '\r' && p.head[h - 3] == '\n' && p.head[h - 2] == '\r' && p.head[h - 1] == '\n') {
				String text = new String(p.head, 0, h, StandardCharsets.ISO_8859_1);
				p.head = new byte[0];
				p.headLen = 0;
				int status = Integer.parseInt(text.substring(9, 12));
				if (status == 503) {
					// the server's connect gate: as live.js does, try again after a jittered, doubling back-off
					opening--;
					close(p);
					long ceiling = Math.min(60_000L, 1_000L << Math.min(6, p.refusals++));
					long delay = ceiling / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
					reconnects.add(new Due(at + delay * 1_000_000L, p));
					out.println("BUSY " + p.idx);
					return end;
				}
				if (status != 200) {
					opening--;
					failed++;
					close(p);
					out.println("FAILED " + p.idx + " status" + status);
					return end;
				}
				p.chunked = text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
				p.phase = BODY;
				return i;
			}
		}
		return i;
	}

	private void sse(Page p, byte[] b, int off, int len, long at) {
		for (int i = off; i < off + len; i++) {
			byte c = b[i];
			if (c == '\n') {
				line(p, at);
				p.lineLen = 0;
			}
			else if (c != '\r' && p.lineLen < MAX_LINE) {
				if (p.lineLen == p.line.length) {
					p.line = Arrays.copyOf(p.line, Math.min(MAX_LINE, p.line.length * 2));
				}
				p.line[p.lineLen++] = c;
			}
		}
	}

	private void line(Page p, long at) {
		byte[] l = p.line;
		int n = p.lineLen;
		if (n == 0) {
			p.event = E_NONE;
			return;
		}
		if (startsWith(l, n, "event:")) {
			String name = new String(l, 6, n - 6, StandardCharsets.US_ASCII).strip();
			p.event = switch (name) {
				case "hello" -> E_HELLO;
				case "status" -> E_STATUS;
				case "message" -> E_MESSAGE;
				default -> E_OTHER;
			};
		}
		else if (startsWith(l, n, "retry:")) {
			p.retryMillis = Integer.parseInt(new String(l, 6, n - 6, StandardCharsets.US_ASCII).strip());
		}
		else if (startsWith(l, n, "data:")) {
			switch (p.event) {
				case E_HELLO -> hello(p, at);
				case E_STATUS -> {
					int k = indexOf(l, n, AVAILABLE);
					if (k >= 0) {
						int v = 0;
						for (int j = k + AVAILABLE.length; j < n && l[j] >= '0' && l[j] <= '9'; j++) {
							v = v * 10 + (l[j] - '0');
						}
						if (v != p.lastValue) {
							p.lastValue = v;
							p.changed(at, v);
						}
					}
				}
				case E_MESSAGE -> {
					int k = indexOf(l, n, CLIENT_ID);
					if (k >= 0) {
						int s = k + CLIENT_ID.length;
						int e = s;
						while (e < n && l[e] != '"') {
							e++;
						}
						out.println("MSG " + p.idx + " " + at + " " + new String(l, s, e - s, StandardCharsets.US_ASCII));
					}
				}
				default -> {
				}
			}
		}
	}

	private void hello(Page p, long at) {
		if (p.open) {
			return;
		}
		p.open = true;
		p.openedAt = at;
		p.refusals = 0;
		opening--;
		openCount++;
		if (p.everOpened) {
			reconnectCount++;
			out.println("REOPENED " + p.idx + " " + at);
		}
		else {
			p.everOpened = true;
			out.println("OPENED " + p.idx + " " + at);
		}
	}

	private void command(String line) {
		String[] w = line.split(" ");
		switch (w[0]) {
			case "ADD" -> {
				String req = "GET " + w[2] + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
						+ "\r\nAccept: text/event-stream\r\nAccept-Language: en\r\nCache-Control: no-cache\r\nCookie: "
						+ w[3] + "\r\n\r\n";
				int idx = Integer.parseInt(w[1]);
				pages.put(idx, new Page(idx, req.getBytes(StandardCharsets.US_ASCII)));
			}
			case "OPEN" -> {
				int from = Integer.parseInt(w[1]);
				int to = Integer.parseInt(w[2]);
				double perSecond = Double.parseDouble(w[3]);
				maxOpening = Integer.parseInt(w[4]);
				openEveryNanos = (long) (1e9 / perSecond);
				nextOpenAt = System.nanoTime();
				for (int i = from; i <= to; i++) {
					Page p = pages.get(i);
					if (p != null) {
						toOpen.add(p);
					}
				}
				out.println("ACK OPEN " + from + " " + to);
			}
			case "COUNT" -> out.println("COUNT open=" + openCount + " opening=" + (opening + toOpen.size()) + " failed="
					+ failed + " reconnects=" + reconnectCount + " closedByServer=" + closedByServer);
			case "ROUNDS" -> rounds(w);
			case "QUIT" -> {
				running = false;
				for (Page p : pages.values()) {
					close(p);
				}
			}
			default -> out.println("ACK unknown " + w[0]);
		}
	}

	/** Per round: every page open before it was sent, the time to its first status event with the new value. */
	private void rounds(String[] w) {
		int count = (w.length - 1) / 2;
		long[] sent = new long[count];
		int[] value = new int[count];
		for (int r = 0; r < count; r++) {
			sent[r] = Long.parseLong(w[1 + 2 * r]);
			value[r] = Integer.parseInt(w[2 + 2 * r]);
		}
		for (int r = 0; r < count; r++) {
			long until = r + 1 < count ? sent[r + 1] : Long.MAX_VALUE;
			List<Long> micros = new ArrayList<>();
			int missing = 0;
			for (Page p : pages.values()) {
				if (!p.everOpened || p.openedAt >= sent[r] || !wantsStatus(p)) {
					continue;
				}
				long got = -1;
				for (int k = 0; k < p.changes; k++) {
					if (p.changedAt[k] >= sent[r] && p.changedAt[k] < until && p.changedTo[k] == value[r]) {
						got = p.changedAt[k];
						break;
					}
				}
				if (got < 0) {
					missing++;
				}
				else {
					micros.add((got - sent[r]) / 1_000);
				}
			}
			StringBuilder s = new StringBuilder("LAT ").append(r).append(' ').append(missing);
			for (long m : micros) {
				s.append(' ').append(m);
			}
			out.println(s);
		}
		out.println("ACK ROUNDS");
	}

	private static boolean wantsStatus(Page p) {
		return indexOf(p.request, Math.min(p.request.length, 80), "status".getBytes(StandardCharsets.US_ASCII)) >= 0;
	}

	private static boolean startsWith(byte[] l, int n, String prefix) {
		if (n < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (l[i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] l, int n, byte[] what) {
		outer: for (int i = 0; i + what.length <= n; i++) {
			for (int j = 0; j < what.length; j++) {
				if (l[i + j] != what[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
