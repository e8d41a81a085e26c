package dev.parley.sip.stack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection, accepted or opened for a NOTIFY: a reader thread cuts the stream into messages by their
 * Content-Length (RFC 3261 s18.3) and answers CRLF keep-alives (RFC 5626 s3.5.1); writes are whole messages.
 * Nothing is read past the limit: a message whose Content-Length goes beyond it is handed on as its header section
 * alone (to be answered 513 Message Too Large) and the connection closes without reading its body; a header section
 * longer than the limit, or a stream that is not SIP, closes the connection.
 */
final class TcpConnection implements Peer {

	private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);

	private static final byte[] PONG = "\r\n".getBytes(StandardCharsets.US_ASCII);

	/** What a frame's reader hands on: the message bytes and the connection they came from. */
	interface Receiver {
		void received(byte[] data, int length, TcpConnection from);

		/** A message over the limit: its header section only (its body is never read); the connection then closes. */
		void tooLarge(byte[] head, TcpConnection from);

		void closed(TcpConnection connection);
	}

	private final Socket socket;

	private final OutputStream out;

	private final InetSocketAddress remote;

	private final int maxMessageBytes;

	private volatile boolean closed;

	TcpConnection(Socket socket, int maxMessageBytes) throws IOException {
		this.socket = socket;
		this.socket.setTcpNoDelay(true);
		this.socket.setKeepAlive(true);
		this.out = socket.getOutputStream();
		this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
		this.maxMessageBytes = maxMessageBytes;
	}

	InetSocketAddress remote() {
		return remote;
	}

	String key() {
		return key(remote);
	}

	static String key(InetSocketAddress address) {
		return address.getAddress().getHostAddress() + ":" + address.getPort();
	}

	@Override
	public boolean send(byte[] bytes) {
		if (closed) {
			return false;
		}
		try {
			synchronized (out) {
				out.write(bytes);
				out.flush();
			}
			return true;
		}
		catch (IOException e) {
			log.debug("TCP write to {} failed: {}", remote, e.toString());
			close();
			return false;
		}
	}

	@Override
	public boolean reliable() {
		return true;
	}

	boolean isClosed() {
		return closed;
	}

	void close() {
		closed = true;
		try {
			socket.close();
		}
		catch (IOException e) {
			// closing anyway
		}
	}

	/** Reads messages until the stream ends or breaks; runs on the connection's own thread. */
	void read(Receiver receiver) {
		try (InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024)) {
			while (!closed) {
				byte[] message = readMessage(in, receiver);
				if (message == null) {
					break;
				}
				receiver.received(message, message.length, this);
			}
		}
		catch (IOException e) {
			log.debug("TCP connection {} ended: {}", remote, e.toString());
		}
		finally {
			close();
			receiver.closed(this);
		}
	}

	/** One whole message, or null at the end of the stream or when the peer broke the framing. */
	private byte[] readMessage(InputStream in, Receiver receiver) throws IOException {
		int b;
		int lineEnds = 0;
		while ((b = in.read()) == '\r' || b == '\n') {
			lineEnds++;
			if (lineEnds == 4) {
				send(PONG); // a double-CRLF keep-alive
				lineEnds = 0;
			}
		}
		if (b < 0) {
			return null;
		}
		byte[] buf = new byte[2048];
		int n = 0;
		buf[n++] = (byte) b;
		int headerEnd = -1;
		while (headerEnd < 0) {
			int c = in.read();
			if (c < 0) {
				return null;
			}
			if (n == buf.length) {
				if (n >= maxMessageBytes) {
					log.debug("TCP {}: headers longer than {} bytes, closing", remote, maxMessageBytes);
					return null;
				}
				buf = Arrays.copyOf(buf, Math.min(maxMessageBytes, n * 2));
			}
			buf[n++] = (byte) c;
			if (c == '\n' && n >= 2 && (buf[n - 2] == '\n' || (n >= 3 && buf[n - 2] == '\r' && buf[n - 3] == '\n'))) {
				headerEnd = n;
			}
		}
		long bodyLength = contentLength(buf, headerEnd);
		if (bodyLength < 0 || headerEnd + bodyLength > maxMessageBytes) {
			log.debug("TCP {}: no usable Content-Length or a message over {} bytes, closing", remote, maxMessageBytes);
			if (bodyLength >= 0) {
				receiver.tooLarge(Arrays.copyOf(buf, headerEnd), this);
			}
			return null;
		}
		int total = headerEnd + (int) bodyLength;
		if (buf.length != total) {
			buf = Arrays.copyOf(buf, total);
		}
		int read = headerEnd;
		while (read < total) {
			int r = in.read(buf, read, total - read);
			if (r < 0) {
				return null;
			}
			read += r;
		}
		return buf;
	}

	/** The Content-Length of a header section; 0 when absent, -1 when unreadable. */
	private static long contentLength(byte[] head, int length) {
		String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
		int pos = 0;
		while (pos < text.length()) {
			int nl = text.indexOf('\n', pos);
			String line = text.substring(pos, nl < 0 ? text.length() : nl);
			pos = nl < 0 ? text.length() : nl + 1;
			int colon = line.indexOf(':');
			if (colon > 0) {
				String name = SipParser.expand(line.substring(0, colon).trim());
				if (name.equalsIgnoreCase("Content-Length")) {
					return SipParser.parseLength(line.substring(colon + 1).trim());
				}
			}
		}
		return 0;
	}
}
