package dev.parley.bench;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver of {@link SipLatencyBenchmark}: publisher and watchers over one UDP socket on 127.0.0.1.
 */
final class SipLoadDriver {

	private static final String REALM = "parley.local";

	/** Changes sent before measuring, so that Parley's JIT has compiled the path (Parley may have just started). */
	private static final int WARMUP = 500;

	private final InetSocketAddress parley;

	private final String presentity, publisher, watcher, password;

	private final DatagramSocket socket;

	private final Map<String, CompletableFuture<SipWire.Message>> pending = new ConcurrentHashMap<>();

	private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

	private final AtomicInteger retransmissions = new AtomicInteger();

	private final AtomicInteger retransmitted = new AtomicInteger();

	private volatile int watchers;

	private volatile int change = -1;

	private final AtomicInteger arrived = new AtomicInteger();

	private volatile long firstAt, lastAt;

	private volatile CompletableFuture<Void> complete = new CompletableFuture<>();

	private int nc;

	SipLoadDriver(int port, String presentity, String publisher, String watcher, String password) throws Exception {
		this.parley = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
		this.presentity = presentity;
		this.publisher = publisher;
		this.watcher = watcher;
		this.password = password;
		this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		socket.setReceiveBufferSize(4 << 20);
		Thread receiver = new Thread(this::receive, "bench-receiver");
		receiver.setDaemon(true);
		receiver.start();
	}

	void run(int watcherCount, int changes) throws Exception {
		for (int i = 0; i < watcherCount; i++) {
			subscribe("w" + i + "-" + socket.getLocalPort(), 600);
		}
		watchers = watcherCount;
		String etag = publishInitial();
		for (int c = 0; c < WARMUP; c++) {
			etag = change(etag, -1 - c, null);
		}
		long[] last = new long[changes], first = new long[changes];
		long start = System.nanoTime();
		for (int c = 0; c < changes; c++) {
			etag = change(etag, c, new long[][] { first, last });
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		for (int i = 0; i < watcherCount; i++) {
			subscribe("w" + i + "-" + socket.getLocalPort(), 0);
		}
		report(watcherCount, changes, seconds, first, last);
	}

	/** One change: PUBLISH modify, then wait until each watcher has its NOTIFY (at most 10 s). */
	private String change(String etag, int c, long[][] record) throws Exception {
		arrived.set(0);
		complete = new CompletableFuture<>();
		change = c;
		long t0 = System.nanoTime();
		String body = pidf("change " + c);
		SipWire.Message ok = request("PUBLISH", "pub-" + socket.getLocalPort(), "SIP-If-Match: " + etag + "\r\nExpires: 600\r\n"
				+ "Content-Type: application/pidf+xml\r\n", body, publisher);
		complete.get(10, TimeUnit.SECONDS);
		if (record != null) {
			record[0][c] = firstAt - t0;
			record[1][c] = lastAt - t0;
		}
		return ok.header("SIP-ETag");
	}

	private String publishInitial() throws Exception {
		return request("PUBLISH", "pub-" + socket.getLocalPort(), "Expires: 600\r\nContent-Type: application/pidf+xml\r\n",
				pidf("start"), publisher).header("SIP-ETag");
	}

	private void subscribe(String callId, int expires) throws Exception {
		request("SUBSCRIBE", callId, "Event: presence\r\nAccept: application/pidf+xml\r\nExpires: " + expires
				+ "\r\nContact: <sip:bench@127.0.0.1:" + socket.getLocalPort() + ">\r\n", "", watcher);
	}

	private final Map<String, Integer> cseq = new ConcurrentHashMap<>();

	private final Map<String, String> toTags = new ConcurrentHashMap<>();

	private String nonce;

	/** Sends a request (with digest once a nonce is known; again on 401) and waits for its final answer. */
	private SipWire.Message request(String method, String callId, String headers, String body, String user)
			throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			int n = cseq.merge(callId, 1, Integer::sum);
			String uri = "sip:" + presentity + "@parley.local";
			String tag = toTags.get(callId);
			String auth = nonce == null || tag != null ? "" : SipWire.authorization(user, password, REALM, nonce, method, uri, ++nc);
			String msg = method + " " + uri + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort()
					+ ";branch=z9hG4bK" + callId + "x" + n + "\r\nFrom: <sip:" + user + "@127.0.0.1>;tag=f" + callId
					+ "\r\nTo: <" + uri + ">" + (tag == null ? "" : ";tag=" + tag) + "\r\nCall-ID: " + callId
					+ "\r\nCSeq: " + n + " " + method + "\r\nMax-Forwards: 70\r\n" + headers + (headers.contains("Event:") ? "" : "Event: presence\r\n")
					+ auth + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
			var answer = new CompletableFuture<SipWire.Message>();
			pending.put(callId + "|" + n + " " + method, answer);
			SipWire.Message r = null;
			for (int tries = 0; r == null && tries < 20; tries++) { // UDP: resend every 500 ms like RFC 3261's timer E
				SipWire.send(socket, parley, msg);
				try {
					r = answer.get(500, TimeUnit.MILLISECONDS);
				}
				catch (java.util.concurrent.TimeoutException e) {
					retransmitted.incrementAndGet();
				}
			}
			if (r == null) {
				throw new IllegalStateException(method + " unanswered after 10 s");
			}
			if (r.status() == 401) {
				nonce = r.nonce();
				continue;
			}
			if (r.status() != 200) {
				throw new IllegalStateException(method + " answered " + r.startLine());
			}
			if ("SUBSCRIBE".equals(method) && r.toTag() != null) {
				toTags.put(callId, r.toTag());
			}
			return r;
		}
		throw new IllegalStateException(method + " not authorized");
	}

	private void receive() {
		byte[] buffer = new byte[65536];
		while (!socket.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				socket.receive(packet);
				SipWire.Message m = SipWire.parse(packet);
				if (m.isRequest("NOTIFY")) {
					SipWire.send(socket, (InetSocketAddress) packet.getSocketAddress(), SipWire.ok(m));
					notified(m);
				}
				else {
					var f = pending.remove(m.transactionKey());
					if (f != null && m.status() >= 200) {
						f.complete(m);
					}
				}
			}
			catch (Exception e) {
				if (!socket.isClosed()) {
					e.printStackTrace();
				}
			}
		}
	}

	private void notified(SipWire.Message m) {
		if (seen.put(m.transactionKey(), Boolean.TRUE) != null) {
			retransmissions.incrementAndGet();
			return;
		}
		if (m.body().contains(">change " + change + "<")) {
			long now = System.nanoTime();
			int n = arrived.incrementAndGet();
			if (n == 1) {
				firstAt = now;
			}
			if (n == watchers) {
				lastAt = now;
				complete.complete(null);
			}
		}
	}

	private String pidf(String note) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:"
				+ presentity + "@parley.local\"><tuple id=\"bench\"><status><basic>open</basic></status><note>" + note
				+ "</note></tuple></presence>";
	}

	private void report(int w, int changes, double seconds, long[] first, long[] last) {
		Arrays.sort(first);
		Arrays.sort(last);
		System.out.printf("closed loop, %d watchers, %d changes (after %d warm-up): %.0f NOTIFY/s, %.0f changes/s%n", w,
				changes, WARMUP, (double) w * changes / seconds, changes / seconds);
		System.out.printf("PUBLISH to 1st NOTIFY: p50 %.2f ms, p99 %.2f ms; PUBLISH to %dth (last) NOTIFY: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				pct(first, .5), pct(first, .99), w, pct(last, .5), pct(last, .99), pct(last, 1));
		System.out.printf("NOTIFY retransmissions seen by the driver: %d; requests the driver had to resend: %d%n",
				retransmissions.get(), retransmitted.get());
	}

	private static double pct(long[] sorted, double p) {
		int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
		return sorted[i] / 1e6;
	}
}
