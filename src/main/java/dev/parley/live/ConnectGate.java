package dev.parley.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission of new event streams ({@code GET /live/presence}), ahead of security: opening a stream (the
 * session and security checks, the viewer, the customer's presence, the upgrade) runs for at most
 * {@link LiveSettings#connectConcurrency()} requests at once; up to {@link LiveSettings#connectQueue()} more wait
 * (each at most {@link LiveSettings#connectWait()}, first come first served) and the rest are answered 503 with
 * {@code Retry-After} at once, before any work. The page's script opens its stream again after a jittered, doubling
 * back-off (live.js), so a crowd of pages reconnecting after a restart spreads out by itself.
 * <p>
 * Why: without it, thousands of pages connecting together ran on a hundred and more of the container's threads at
 * once, and the few threads writing to the pages already open got a small share of the processors (a broadcast's
 * p99 went from some 0.2 s to over 1 s while 9,200 pages connected). A waiting request holds a container thread but
 * no processor; the queue stays well below the container's threads (200) so that other requests (API calls, pages)
 * still find threads. The gate is per node, as the processors it protects are.
 */
class ConnectGate extends OncePerRequestFilter {

	/** The gate as a bean (metrics, tests) and as a filter: after the request size limit, before security. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		ConnectGate connectGate(LiveSettings settings) {
			return new ConnectGate(settings);
		}

		@Bean
		FilterRegistrationBean<ConnectGate> connectGateFilter(ConnectGate gate) {
			var registration = new FilterRegistrationBean<>(gate);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
			return registration;
		}
	}

	private final Semaphore opening;
	private final int concurrency;
	private final int queue;
	private final long waitNanos;
	private final AtomicInteger waiting = new AtomicInteger();
	private final AtomicLong refused = new AtomicLong();

	ConnectGate(LiveSettings settings) {
		this.concurrency = settings.connectConcurrency();
		this.opening = new Semaphore(concurrency, true);
		this.queue = settings.connectQueue();
		this.waitNanos = settings.connectWait().toNanos();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + "/live/presence");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enter()) {
			refused.incrementAndGet();
			refuse(response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			leave();
		}
	}

	/** A turn to open a stream: at once, or after waiting in a queue that has room; false: none now. */
	boolean enter() {
		try {
			if (opening.tryAcquire(0, TimeUnit.NANOSECONDS)) { // respects the queue's order, unlike tryAcquire()
				return true;
			}
			if (waiting.incrementAndGet() > queue) {
				waiting.decrementAndGet();
				return false;
			}
			try {
				return opening.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
			}
			finally {
				waiting.decrementAndGet();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Gives a turn back: the stream is open, or failed to open. */
	void leave() {
		opening.release();
	}

	/** Streams being opened now. */
	int opening() {
		return concurrency - opening.availablePermits();
	}

	int waiting() {
		return waiting.get();
	}

	long refused() {
		return refused.get();
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "1");
		response.setHeader("Cache-Control", "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
				+ "\"detail\":\"Many pages are opening their live connection at once; open it again after Retry-After "
				+ "(seconds). Nothing was changed.\"}");
	}
}
