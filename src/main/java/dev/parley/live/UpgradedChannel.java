package dev.parley.live;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.WebConnection;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * A {@link Channel} that holds nothing of the HTTP request once the stream's head is out: the event stream's response
 * (status 200, {@code text/event-stream}, {@code Connection: close}, so the body is the bytes up to the connection's
 * end, not chunked) is committed through the servlet response, then the request is upgraded
 * ({@link HttpServletRequest#upgrade}) and returns. The servlet container gives its request processor (the request's
 * and response's buffers and objects, some 100 KiB) back to its pool, and what the open stream holds is its socket
 * (with the container's two socket buffers), this object and its {@link LiveConnection}. The frames' bytes go on the
 * socket as they are, non-blocking: when the socket is full, {@link #ready()} answers false and the container's write
 * event resumes the writers once it drains, as with {@link ServletChannel}. The browser closing its end is seen at
 * once (a read event finds the end of the stream). The stream ends after its timeout, checked by the container's
 * timeout round (once a second).
 * <p>
 * Tomcat's own upgrade interface (as its WebSocket support uses): the standard one offers no way to close the
 * connection from another thread. Public, with a public constructor, only because Tomcat makes the instance;
 * {@link #open} is the way in. Used where the request is Tomcat's own over HTTP/1.x ({@link #possible}); elsewhere
 * (another container, HTTP/2, tests on a mock request) the stream is a {@link ServletChannel}.
 */
public final class UpgradedChannel implements Channel, InternalHttpUpgradeHandler {

	private static final String TOMCAT_REQUEST = "org.apache.catalina.connector.RequestFacade";

	/** Whatever the browser sends on the stream (nothing, normally) is read into this and dropped. */
	private static final ThreadLocal<byte[]> DISCARD = ThreadLocal.withInitial(() -> new byte[256]);

	private volatile Runnable resume = () -> {
	};
	private volatile Runnable ended = () -> {
	};
	private volatile long deadline = Long.MAX_VALUE;
	/** The connection's socket, set by the container when the upgrade completes. Guarded by this. */
	private SocketWrapperBase<?> socket;
	/** The upgrade is complete: frames may be written. Guarded by this. */
	private boolean started;
	/** A write event is asked for (the socket was full): it resumes the writers. Guarded by this. */
	private boolean waitingForWrite;
	/** Guarded by this. */
	private boolean closed;
	private boolean endedRun;

	/** For the container only (it makes the instance in {@link HttpServletRequest#upgrade}). */
	public UpgradedChannel() {
	}

	/** Whether the request can be upgraded this way: Tomcat's own request, HTTP/1.1 or 1.0. */
	static boolean possible(HttpServletRequest request) {
		String protocol = request.getProtocol();
		if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
			return false;
		}
		ServletRequest raw = request;
		while (raw instanceof ServletRequestWrapper w) {
			raw = w.getRequest();
		}
		return raw.getClass().getName().equals(TOMCAT_REQUEST);
	}

	/**
	 * Sends the stream's head (through the filters' wrappers, so their headers are written) and upgrades the
	 * request: the stream ends after {@code timeoutMillis}. The caller returns from the request at once; frames can be
	 * written once the container completes the upgrade, and {@link #onReady}'s callback says when. Null when the
	 * request cannot be upgraded ({@link #possible}) or the head sent says the body is coded (chunks, compression):
	 * then the caller streams on the request ({@link ServletChannel}; the head may be out already).
	 */
	static UpgradedChannel open(HttpServletRequest request, HttpServletResponse response, long timeoutMillis)
			throws IOException {
		if (!possible(request)) {
			return null;
		}
		ServletChannel.head(response);
		// the stream's body runs to the connection's end: no chunks, so the upgraded socket carries the frames as
		// they are, and the connection is not kept for another request
		response.setHeader("Connection", "close");
		response.flushBuffer();
		if (response.getHeader("Transfer-Encoding") != null || response.getHeader("Content-Encoding") != null) {
			return null; // the container codes the body (compression set up for event streams): not raw bytes
		}
		UpgradedChannel channel;
		try {
			channel = request.upgrade(UpgradedChannel.class);
		}
		catch (ServletException e) {
			throw new IOException("Could not take over the event stream's connection", e);
		}
		channel.deadline = System.currentTimeMillis() + timeoutMillis;
		return channel;
	}

	/** {@code ended} runs once when the stream ends (timeout, the browser left, an error, closed). */
	void start(Runnable ended) {
		this.ended = ended;
	}

	@Override
	public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
		synchronized (this) {
			socket = wrapper;
		}
	}

	@Override
	public void init(WebConnection connection) {
		synchronized (this) {
			if (closed) {
				return; // the first event closes it
			}
			started = true;
		}
		resume.run(); // what waits (the hello) goes out now
	}

	@Override
	public SocketState upgradeDispatch(SocketEvent status) {
		synchronized (this) {
			if (closed) {
				return SocketState.CLOSED;
			}
		}
		try {
			switch (status) {
				case OPEN_READ:
					return read();
				case OPEN_WRITE:
					return writePossible();
				default: // STOP, ERROR, DISCONNECT, TIMEOUT (none is set), CONNECT_FAIL
					end();
					return SocketState.CLOSED;
			}
		}
		catch (IOException | RuntimeException e) {
			end();
			return SocketState.CLOSED;
		}
	}

	/** Reads and drops what the browser sent; its end of the stream (or an error) ends the stream. */
	private SocketState read() throws IOException {
		byte[] drop = DISCARD.get();
		while (true) {
			int n = socket().read(false, drop, 0, drop.length);
			if (n < 0) {
				end();
				return SocketState.CLOSED;
			}
			if (n == 0) {
				return SocketState.UPGRADED; // the container waits for the next read event
			}
		}
	}

	private synchronized SocketWrapperBase<?> socket() {
		return socket;
	}

	/** The socket drained: what a full socket kept is flushed, then the writers resume. */
	private SocketState writePossible() throws IOException {
		synchronized (this) {
			waitingForWrite = false;
			if (socket.flush(false)) {
				waitingForWrite = true;
				socket.registerWriteInterest();
				return SocketState.UPGRADED;
			}
		}
		resume.run();
		return SocketState.UPGRADED;
	}

	/** The stream ends: the connection is dropped (the container closes the socket). */
	private void end() {
		synchronized (this) {
			closed = true;
		}
		runEnded();
	}

	private void runEnded() {
		synchronized (this) {
			if (endedRun) {
				return;
			}
			endedRun = true;
		}
		ended.run();
	}

	@Override
	public synchronized boolean ready() {
		if (!started || closed || waitingForWrite) {
			return false;
		}
		try {
			if (socket.isClosed() || socket.canWrite()) {
				return true; // a closed socket: the write fails and the connection is dropped
			}
		}
		catch (RuntimeException closedMeanwhile) {
			return true;
		}
		waitingForWrite = true; // the container's write event follows when the socket drains
		socket.registerWriteInterest();
		return false;
	}

	@Override
	public synchronized void send(Frame frame) throws IOException {
		if (closed || socket == null || socket.isClosed()) {
			throw new IOException("The event stream is closed");
		}
		byte[] bytes = frame.bytes();
		socket.write(false, bytes, 0, bytes.length); // what the socket cannot take now waits in the container's buffer
		if (socket.flush(false) && !waitingForWrite) {
			waitingForWrite = true;
			socket.registerWriteInterest();
		}
	}

	@Override
	public void onReady(Runnable resume) {
		this.resume = resume;
	}

	/** Closes the connection, from any thread (as Tomcat's WebSocket does). */
	@Override
	public void close() {
		SocketWrapperBase<?> s;
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			s = started ? socket : null;
		}
		if (s != null) {
			s.close();
		}
		runEnded();
	}

	/** Called once a second by the container's timeout round; {@code now} -1: the connector stops. */
	@Override
	public void timeoutAsync(long now) {
		if (now < 0 || now >= deadline) {
			close();
		}
	}

	@Override
	public void destroy() {
		end();
	}

	@Override
	public void setSslSupport(SSLSupport sslSupport) {
	}

	@Override
	public void pause() {
	}
}
