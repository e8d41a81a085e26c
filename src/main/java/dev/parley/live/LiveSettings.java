package dev.parley.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of live push ({@code parley.live.*}): a keep-alive comment goes to every connection this often
 * (it also finds connections whose browser went away), a connection is closed by the server after
 * {@code timeout} (the browser's EventSource reconnects at once), and the agent panel lists at most
 * {@code panelSize} customers; the center's figures go out at most once per {@code statusInterval}, however
 * often they change. Each connection holds at most {@code outbox} events waiting to be written (more: it is dropped
 * as too slow), and {@code writers} threads write to the browsers. {@code upgrade} (true): an open stream gives its
 * request's buffers back to the servlet container and holds only its connection (see {@link UpgradedChannel}, some
 * 15 KiB a page instead of some 110 KiB); false keeps the request open for the stream's life (servlet asynchronous
 * output, {@link ServletChannel}).
 * <p>
 * Opening a stream is admitted by {@link ConnectGate}: at most {@code connectConcurrency} streams are being opened
 * at once (default: two per processor), at most {@code connectQueue} more wait for their turn, each up to
 * {@code connectWait}; the rest are answered 503 with Retry-After, and the page's script tries again after its
 * jittered back-off. So thousands of pages connecting together (after a restart) take a bounded share of the
 * processors and the writers of the pages already open keep theirs.
 */
@ConfigurationProperties("parley.live")
public record LiveSettings(Duration keepAlive, Duration timeout, Integer panelSize, Duration statusInterval,
		Integer outbox, Integer writers, Boolean upgrade, Integer connectConcurrency, Integer connectQueue,
		Duration connectWait) {

	public LiveSettings {
		upgrade = upgrade == null ? Boolean.TRUE : upgrade;
		outbox = outbox == null ? 256 : outbox;
		writers = writers == null ? 4 : writers;
		statusInterval = statusInterval == null ? Duration.ofMillis(250) : statusInterval;
		keepAlive = keepAlive == null ? Duration.ofSeconds(20) : keepAlive;
		timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
		panelSize = panelSize == null ? 50 : panelSize;
		connectConcurrency = connectConcurrency == null ? 2 * Runtime.getRuntime().availableProcessors()
				: connectConcurrency;
		connectQueue = connectQueue == null ? 128 : connectQueue;
		connectWait = connectWait == null ? Duration.ofSeconds(2) : connectWait;
		if (connectConcurrency < 1 || connectQueue < 0 || connectWait.isNegative()) {
			throw new IllegalArgumentException("parley.live.connect-concurrency must be at least 1, connect-queue and "
					+ "connect-wait not negative (were " + connectConcurrency + ", " + connectQueue + ", " + connectWait
					+ ")");
		}
	}
}
