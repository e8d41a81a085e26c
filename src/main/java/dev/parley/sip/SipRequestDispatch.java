package dev.parley.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stop of every request: the per-source flood limit (503 with Retry-After), the body limit (413),
 * then the method: SUBSCRIBE and PUBLISH to their handlers, OPTIONS answered, anything else 405 with Allow.
 * A failure inside is a 500 without details; the service keeps running.
 */
final class SipRequestDispatch implements SipTransport.SipRequestHandler {

	static final String ALLOW = "SUBSCRIBE, NOTIFY, PUBLISH, OPTIONS";

	private static final Logger log = LoggerFactory.getLogger(SipRequestDispatch.class);

	private final FloodGuard flood;

	private final int maxBodyBytes;

	private final SubscribeHandler subscribe;

	private final PublishHandler publish;

	/** Closed while stored subscriptions are recovered: requests wait (at most 10 s) rather than meet a 481. */
	private volatile java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(0);

	SipRequestDispatch(FloodGuard flood, int maxBodyBytes, SubscribeHandler subscribe, PublishHandler publish) {
		this.flood = flood;
		this.maxBodyBytes = maxBodyBytes;
		this.subscribe = subscribe;
		this.publish = publish;
	}

	void hold() {
		ready = new java.util.concurrent.CountDownLatch(1);
	}

	void release() {
		ready.countDown();
	}

	@Override
	public void handle(SipExchange exchange) {
		SipRequest request = exchange.request();
		try {
			if (!ready.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
				log.warn("SIP: recovery still running after 10 s; serving requests anyway");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			if (!flood.admit(request.source())) {
				exchange.respond(SipResponse.of(503, "Service Unavailable").with("Retry-After", "1"));
			}
			else if (request.body().length > maxBodyBytes || request.contentLength() > maxBodyBytes) {
				exchange.respond(SipResponse.of(413, "Request Entity Too Large"));
			}
			else {
				route(exchange, request.method());
			}
		}
		catch (RuntimeException e) {
			log.warn("SIP {} from {} failed", request.method(), request.source(), e);
			exchange.respond(SipResponse.of(500, "Server Internal Error"));
		}
	}

	private void route(SipExchange exchange, String method) {
		switch (method) {
			case "SUBSCRIBE" -> subscribe.handle(exchange);
			case "PUBLISH" -> publish.handle(exchange);
			case "NOTIFY" -> exchange.respond(SipRequests.noSuchSubscription());
			case "OPTIONS" -> exchange.respond(SipResponse.of(200, "OK").with("Allow", ALLOW)
				.with("Allow-Events", SipEvent.ALLOW_EVENTS).with("Accept", "application/pidf+xml"));
			default -> exchange.respond(SipResponse.of(405, "Method Not Allowed").with("Allow", ALLOW));
		}
	}
}
