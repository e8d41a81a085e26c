package dev.parley.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP connections, accepted or opened for a NOTIFY, each read on a thread of its own. A connection is found by
 * its peer's address and also by the sent-by of the requests that came over it (so a NOTIFY to the subscriber's
 * Contact goes over the subscriber's own connection, RFC 3261 s18 and RFC 5923's idea). Where a connection
 * could not be opened, NOTIFYs fail at once for a while instead of each holding a notifier thread in connect.
 */
final class TcpConnections {

	private static final Logger log = LoggerFactory.getLogger(TcpConnections.class);

	static final int MAX_CONNECTIONS = 1024;

	private static final long UNREACHABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

	private static final int CONNECT_TIMEOUT_MILLIS = 2000;

	private final Map<String, TcpConnection> byAddress = new ConcurrentHashMap<>();

	/** Where a connection failed lately, and when. */
	private final Map<String, Long> unreachable = new ConcurrentHashMap<>();

	private final Object connecting = new Object();

	private final AtomicInteger threads = new AtomicInteger();

	private final int maxMessageBytes;

	private final TcpConnection.Receiver receiver;

	/** Where the messages read from every connection go. */
	@FunctionalInterface
	interface Messages {
		void received(byte[] data, int length, TcpConnection from);
	}

	/** {@code tooLarge} gets the header section of each message over the limit (its body is never read). */
	TcpConnections(int maxMessageBytes, Messages messages, Messages tooLarge) {
		this.maxMessageBytes = maxMessageBytes;
		this.receiver = new TcpConnection.Receiver() {
			@Override
			public void received(byte[] data, int length, TcpConnection from) {
				messages.received(data, length, from);
			}

			@Override
			public void tooLarge(byte[] head, TcpConnection from) {
				tooLarge.received(head, head.length, from);
			}

			@Override
			public void closed(TcpConnection c) {
				byAddress.values().removeIf(x -> x == c);
			}
		};
	}

	/** Accepts connections until the server socket closes or {@code running} turns false. */
	void accept(ServerSocket server, BooleanSupplier running) {
		while (running.getAsBoolean()) {
			try {
				Socket socket = server.accept();
				if (byAddress.size() >= MAX_CONNECTIONS) {
					log.warn("SIP: {} TCP connections open, refusing one from {}", MAX_CONNECTIONS,
							socket.getRemoteSocketAddress());
					socket.close();
					continue;
				}
				serve(new TcpConnection(socket, maxMessageBytes));
			}
			catch (IOException | RuntimeException e) {
				if (running.getAsBoolean()) {
					log.debug("SIP TCP accept failed: {}", e.toString());
				}
			}
		}
	}

	/** Also finds {@code connection} by a request's sent-by ("host:port"), unless another holds that name. */
	void alias(String sentBy, TcpConnection connection) {
		byAddress.putIfAbsent(sentBy, connection);
	}

	/** The open connection to the address, or a new one. */
	TcpConnection to(InetAddress address, int port) throws IOException {
		String key = address.getHostAddress() + ":" + port;
		TcpConnection c = byAddress.get(key);
		if (c != null && !c.isClosed()) {
			return c;
		}
		Long failed = unreachable.get(key);
		if (failed != null && System.nanoTime() - failed < UNREACHABLE_NANOS) {
			throw new IOException("no TCP connection to " + key + " a moment ago either");
		}
		synchronized (connecting) {
			c = byAddress.get(key);
			if (c != null && !c.isClosed()) {
				return c;
			}
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
			}
			catch (IOException e) {
				socket.close();
				if (unreachable.size() > MAX_CONNECTIONS) {
					unreachable.clear();
				}
				unreachable.put(key, System.nanoTime());
				throw e;
			}
			unreachable.remove(key);
			TcpConnection opened = new TcpConnection(socket, maxMessageBytes);
			serve(opened);
			byAddress.put(key, opened);
			return opened;
		}
	}

	void closeAll() {
		byAddress.values().forEach(TcpConnection::close);
		byAddress.clear();
	}

	private void serve(TcpConnection connection) {
		byAddress.put(connection.key(), connection);
		Thread reader = new Thread(() -> connection.read(receiver), "sip-tcp-" + threads.incrementAndGet());
		reader.setDaemon(true);
		reader.start(); // ends when the connection closes (closeAll closes them all)
	}
}
