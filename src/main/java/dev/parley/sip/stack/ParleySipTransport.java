package dev.parley.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.sip.SipDialog;
import dev.parley.sip.SipDialogState;
import dev.parley.sip.SipRequest;
import dev.parley.sip.SipResponse;
import dev.parley.sip.SipTransport;

/**
 * Parley's own SIP transport: exactly what a presence server needs of RFC 3261, and no more. Non-INVITE server
 * transactions (s17.2.2: a retransmitted request gets the kept response again; kept for Timer J, 32 s, on UDP),
 * non-INVITE client transactions for NOTIFY (s17.1.2: Timer E retransmissions on UDP, Timer F timeout, 408),
 * UDP on one socket and TCP with Content-Length framing, response routing by the top Via with RFC 3581 rport.
 * No dialogs (Parley keeps them, {@link SipDialogState}), no INVITE transactions yet (an INVITE is answered 405 in a
 * non-INVITE one; docs/sip.md says where INVITE ones plug in), no proxying, no TLS.
 * <p>
 * Threads: one UDP reader and one reader per TCP connection parse and route; requests go to a bounded handler
 * pool (full: 503 at once); one timer thread drives retransmissions and expiries from queues kept in deadline
 * order. A NOTIFY's 2xx outcome is handed over on the reader thread (it only records), others on the pool.
 */
public final class ParleySipTransport implements SipTransport {

	private static final Logger log = LoggerFactory.getLogger(ParleySipTransport.class);

	private static final Logger wire = LoggerFactory.getLogger("dev.parley.sip.wire");

	/** RFC 3261 s17.1.1.1 T1 and T2; Timer F and Timer J are 64 * T1. */
	static final long T1 = 500;

	/** Asked for the UDP socket's buffers (4 MiB); the kernel grants at most net.core.rmem_max / wmem_max. */
	static final int UDP_BUFFER_BYTES = 4 * 1024 * 1024;

	private final String address;

	private final int port;

	private final List<String> transports;

	private final int threads;

	private final int queue;

	private final int maxMessageBytes;

	private final NonInviteServerTransactions servers;

	private final NonInviteClientTransactions clients;

	private final TcpConnections connections;

	private final AtomicLong branches = new AtomicLong();

	private volatile boolean running;

	private volatile SipRequestHandler handler;

	private ThreadPoolExecutor pool;

	private DatagramChannel udp;

	private ServerSocket tcp;

	private final List<Thread> threadsStarted = new ArrayList<>();

	private String branchPrefix;

	private int boundPort;

	private String sentBy;

	private final Map<String, String> contacts = new ConcurrentHashMap<>();

	public ParleySipTransport(String address, int port, List<String> transports, int threads, int queue,
			int maxMessageBytes) {
		this(address, port, transports, threads, queue, maxMessageBytes, T1);
	}

	/** With another T1 (RFC 3261 lets a network choose a larger one; tests a smaller one). */
	ParleySipTransport(String address, int port, List<String> transports, int threads, int queue,
			int maxMessageBytes, long t1Millis) {
		this.servers = new NonInviteServerTransactions(t1Millis);
		this.clients = new NonInviteClientTransactions(t1Millis, this::deliver);
		this.connections = new TcpConnections(maxMessageBytes,
				(data, length, from) -> received(data, length, from.remote(), from),
				(head, length, from) -> tooLarge(head, from));
		this.address = address;
		this.port = port;
		this.transports = List.copyOf(transports);
		this.threads = threads;
		this.queue = queue;
		this.maxMessageBytes = maxMessageBytes;
	}

	@Override
	public synchronized void start(SipRequestHandler requestHandler) {
		this.handler = requestHandler;
		pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				named("sip-handler"));
		byte[] prefix = new byte[4];
		ThreadLocalRandom.current().nextBytes(prefix);
		branchPrefix = Via.MAGIC + HexFormat.of().formatHex(prefix) + ".";
		try {
			InetAddress bind = InetAddress.getByName(address);
			int p = port;
			if (transports.contains("udp")) {
				udp = DatagramChannel.open();
				udp.setOption(StandardSocketOptions.SO_RCVBUF, UDP_BUFFER_BYTES);
				udp.setOption(StandardSocketOptions.SO_SNDBUF, UDP_BUFFER_BYTES);
				udp.bind(new InetSocketAddress(bind, p));
				p = ((InetSocketAddress) udp.getLocalAddress()).getPort();
			}
			if (transports.contains("tcp")) {
				tcp = new ServerSocket();
				tcp.setReuseAddress(true);
				tcp.bind(new InetSocketAddress(bind, p), 256);
				p = tcp.getLocalPort();
			}
			boundPort = p;
		}
		catch (IOException | RuntimeException e) {
			stop(Duration.ofSeconds(1));
			throw new IllegalStateException("SIP could not listen on " + address + ":" + port + " " + transports, e);
		}
		sentBy = host(address) + ":" + boundPort;
		running = true;
		if (udp != null) {
			startThread("sip-udp", this::readUdp);
		}
		if (tcp != null) {
			ServerSocket server = tcp;
			startThread("sip-tcp-accept", () -> connections.accept(server, () -> running));
		}
		startThread("sip-timers", this::runTimers);
		log.info("SIP listening on {}:{} over {} (Parley's stack)", address, boundPort, transports);
	}

	@Override
	public void stop(Duration timeout) {
		List<Thread> started;
		synchronized (this) {
			running = false;
			closeQuietly(udp);
			closeQuietly(tcp);
			connections.closeAll();
			if (pool != null) {
				pool.shutdownNow();
			}
			started = List.copyOf(threadsStarted);
			threadsStarted.clear();
			udp = null;
			tcp = null;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Thread t : started) {
			t.interrupt();
			try {
				t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public SipDialog dialog(SipDialogState state) {
		return new StackDialog(this, state);
	}

	/** The port bound (the configured one, or the one the system chose for 0). */
	@Override
	public int port() {
		return boundPort;
	}

	// --- receiving ---------------------------------------------------------------------------------------

	private void readUdp() {
		DatagramChannel channel = udp;
		ByteBuffer buffer = ByteBuffer.allocate(65_536);
		while (running) {
			try {
				buffer.clear();
				SocketAddress from = channel.receive(buffer);
				if (from instanceof InetSocketAddress source) {
					received(buffer.array(), buffer.position(), source, null);
				}
			}
			catch (ClosedChannelException e) {
				return;
			}
			catch (IOException | RuntimeException e) {
				if (running) {
					log.debug("SIP UDP receive failed: {}", e.toString());
				}
			}
		}
	}

	private void received(byte[] data, int length, InetSocketAddress source, TcpConnection connection) {
		if (SipParser.onlyLineEnds(data, 0, length)) {
			return; // a keep-alive
		}
		if (wire.isTraceEnabled()) {
			wire.trace("received from {}\n{}", source, new String(data, 0, length, StandardCharsets.UTF_8));
		}
		SipParser.ResponseHead head = SipParser.responseHead(data, length);
		if (head != null) {
			clients.answered(head.status(), head.branch());
			return;
		}
		SipMessage m = SipParser.parse(data, 0, length);
		if (m == null) {
			log.debug("SIP: dropped {} bytes from {} that are not a SIP message", length, source);
			return;
		}
		if (m.isRequest()) {
			onRequest(m, source, connection);
		}
		else {
			onResponse(m);
		}
	}

	/**
	 * A request over TCP whose Content-Length goes past the limit: answered 513 Message Too Large (RFC 3261 s21.5.14)
	 * from its header section, its body unread; the connection then closes (its framing is lost). Anything else that
	 * large is dropped.
	 */
	private void tooLarge(byte[] head, TcpConnection connection) {
		SipMessage m = SipParser.parse(head, 0, head.length);
		if (m != null && m.isRequest()) {
			onRequest(m, connection.remote(), connection, true);
		}
	}

	private void onRequest(SipMessage m, InetSocketAddress source, TcpConnection connection) {
		onRequest(m, source, connection, false);
	}

	private void onRequest(SipMessage m, InetSocketAddress source, TcpConnection connection, boolean tooLarge) {
		Via via = Via.top(m.first("Via"));
		if (via == null) {
			log.debug("SIP: dropped a {} from {} without a readable Via: nowhere to answer", m.method, source);
			return;
		}
		TransactionKey key = TransactionKey.of(m, via);
		if (m.method.equals("ACK")) {
			// It acknowledges the 405 an INVITE got from a non-INVITE transaction, which waits for no ACK; an INVITE
			// server transaction (docs/sip.md, "How the stack will grow") would stop Timer G here.
			return;
		}
		Peer replyTo;
		if (connection != null) {
			replyTo = connection;
			connections.alias(via.host() + ":" + (via.port() < 0 ? 5060 : via.port()), connection);
		}
		else {
			replyTo = new Peer.Udp(udp, via.rport() ? source
					: new InetSocketAddress(source.getAddress(), via.port() < 0 ? 5060 : via.port()));
		}
		NonInviteServerTransactions.ServerTransaction tx = servers.begin(key, replyTo);
		if (tx == null) {
			return; // a retransmission: answered again, or still being handled
		}
		String transportName = connection == null ? "udp" : "tcp";
		String problem = m.problem != null ? m.problem : Requests.invalid(m);
		StackExchange exchange = new StackExchange(this, tx, m, source, Requests.toRequest(m, source, transportName));
		if (tooLarge) {
			exchange.respond(SipResponse.of(513, "Message Too Large"));
			return;
		}
		if (problem != null) {
			exchange.respond(SipResponse.of(400, "Bad Request (" + problem + ")"));
			return;
		}
		try {
			pool.execute(() -> handle(exchange));
		}
		catch (RejectedExecutionException e) {
			exchange.respond(SipResponse.of(503, "Service Unavailable").with("Retry-After", "5"));
		}
	}

	private void handle(StackExchange exchange) {
		try {
			handler.handle(exchange);
		}
		catch (RuntimeException e) {
			log.warn("SIP {} failed", exchange.request().method(), e);
			exchange.respond(SipResponse.of(500, "Server Internal Error"));
		}
	}

	/** Sends a request's final answer and keeps it for retransmissions (UDP) or forgets the transaction (TCP). */
	void answer(NonInviteServerTransactions.ServerTransaction tx, byte[] response) {
		if (wire.isTraceEnabled()) {
			wire.trace("sent\n{}", new String(response, StandardCharsets.UTF_8));
		}
		if (!servers.answer(tx, response)) {
			log.debug("SIP: answer not sent ({} gone)", tx.peer);
		}
	}

	// --- sending NOTIFYs ---------------------------------------------------------------------------------

	String newBranch() {
		return branchPrefix + Long.toString(branches.incrementAndGet(), 36);
	}

	String sentBy() {
		return sentBy;
	}

	/** Parley's Contact for a transport: {@code <sip:parley@address:port;transport=udp>}. */
	String contact(String transport) {
		return contacts.computeIfAbsent(transport.toLowerCase(Locale.ROOT),
				t -> "<sip:parley@" + host(address) + ":" + boundPort + ";transport=" + t + ">");
	}

	/** Sends a request in a new client transaction to a peer already found. */
	void request(String branch, byte[] bytes, Peer peer, IntConsumer onFinal) {
		if (wire.isTraceEnabled()) {
			wire.trace("sent to {}\n{}", peer, new String(bytes, StandardCharsets.UTF_8));
		}
		clients.send(branch, bytes, peer, onFinal);
	}

	/** Where a request to {@code next} goes: a UDP address, or a TCP connection (reused, or opened now). */
	Peer peerFor(SipUri next, String transport) throws IOException {
		InetAddress to = InetAddress.getByName(next.bareHost());
		int p = next.port() < 0 ? 5060 : next.port();
		if (!"tcp".equalsIgnoreCase(transport)) {
			DatagramChannel channel = udp;
			if (channel == null) {
				throw new IOException("UDP is not enabled");
			}
			return new Peer.Udp(channel, new InetSocketAddress(to, p));
		}
		return connections.to(to, p);
	}

	private void onResponse(SipMessage m) {
		Via via = Via.top(m.first("Via"));
		if (via != null) {
			clients.answered(m.status, via.branch());
		}
	}

	void deliver(IntConsumer onFinal, int status) {
		if (status < 300) {
			onFinal.accept(status);
			return;
		}
		try {
			pool.execute(() -> onFinal.accept(status));
		}
		catch (RejectedExecutionException e) {
			log.debug("NOTIFY outcome {} dropped: pool full or stopped", status);
		}
	}

	// --- timers ------------------------------------------------------------------------------------------

	private void runTimers() {
		while (running) {
			LockSupport.parkNanos(10_000_000L);
			if (Thread.interrupted()) {
				return;
			}
			try {
				long now = System.nanoTime();
				clients.tick(now);
				servers.tick(now);
			}
			catch (RuntimeException e) {
				log.warn("SIP timers: {}", e.toString());
			}
		}
	}

	/** Transactions held now (server, client): for tests and diagnostics. */
	int[] transactions() {
		return new int[] { servers.count(), clients.count() };
	}

	// --- helpers -----------------------------------------------------------------------------------------

	private void startThread(String name, Runnable body) {
		Thread t = new Thread(body, name);
		t.setDaemon(true);
		synchronized (this) {
			threadsStarted.add(t);
		}
		t.start();
	}

	private static String host(String address) {
		return address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
	}

	private static void closeQuietly(AutoCloseable c) {
		if (c != null) {
			try {
				c.close();
			}
			catch (Exception e) {
				// closing anyway
			}
		}
	}

	private static java.util.concurrent.ThreadFactory named(String prefix) {
		AtomicInteger n = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}
}
