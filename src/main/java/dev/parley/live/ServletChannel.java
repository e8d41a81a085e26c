package dev.parley.live;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A {@link Channel} on the servlet container's own asynchronous, non-blocking output: the response is
 * {@code text/event-stream}, no thread is held while the page is open, and a write never waits for the browser. When
 * the browser stops reading and its socket is full, {@link #ready()} answers false and the container calls back once
 * the socket drains ({@link WriteListener#onWritePossible()}); until then the connection's frames wait in its outbox,
 * which drops the page when it overflows. Each frame's bytes, encoded once for every connection that gets it, are
 * written as they are.
 */
final class ServletChannel implements Channel, WriteListener, AsyncListener {

	private final AsyncContext async;
	private final ServletOutputStream out;
	private volatile Runnable resume = () -> {
	};
	private volatile Runnable ended = () -> {
	};
	/** Non-blocking mode has begun (the write listener is set and the container said the stream is ready). */
	private boolean started;
	/** Bytes were written that a full socket kept from being flushed: flushed when the socket drains. */
	private boolean unflushed;

	private ServletChannel(AsyncContext async, ServletOutputStream out) {
		this.async = async;
		this.out = out;
	}

	/**
	 * Starts the response's asynchronous life and sends its head (status and headers, through the filters' wrappers,
	 * so their headers are written); the stream ends after {@code timeoutMillis}.
	 */
	static ServletChannel open(HttpServletRequest request, HttpServletResponse response, long timeoutMillis)
			throws IOException {
		head(response);
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(timeoutMillis);
		response.flushBuffer();
		ServletResponse raw = response;
		while (raw instanceof ServletResponseWrapper w) {
			raw = w.getResponse(); // the head is out: frames go to the container's stream itself
		}
		return new ServletChannel(async, raw.getOutputStream());
	}

	/** The event stream's headers (not sent yet). */
	static void head(HttpServletResponse response) {
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("X-Accel-Buffering", "no"); // a buffering proxy in front would hold events back
	}

	/** Turns the stream non-blocking; {@code ended} runs when it ends (timeout, error, completed). */
	void start(Runnable ended) {
		this.ended = ended;
		async.addListener(this);
		synchronized (this) {
			out.setWriteListener(this); // the container calls onWritePossible when the stream can take bytes
		}
	}

	@Override
	public synchronized boolean ready() {
		return started && out.isReady(); // false: onWritePossible follows when the socket drains
	}

	@Override
	public synchronized void send(Frame frame) throws IOException {
		out.write(frame.bytes());
		if (out.isReady()) {
			out.flush();
			unflushed = false;
		}
		else {
			unflushed = true;
		}
	}

	@Override
	public void onReady(Runnable resume) {
		this.resume = resume;
	}

	@Override
	public void onWritePossible() throws IOException {
		synchronized (this) {
			started = true;
			if (unflushed && out.isReady()) {
				out.flush();
				unflushed = false;
			}
		}
		resume.run();
	}

	@Override
	public void onError(Throwable t) {
		ended.run();
	}

	@Override
	public synchronized void close() {
		try {
			async.complete();
		}
		catch (RuntimeException ignored) {
			// the response is gone already
		}
	}

	@Override
	public void onComplete(AsyncEvent event) {
		ended.run();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		ended.run();
	}

	@Override
	public void onError(AsyncEvent event) {
		ended.run();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}
}
