package dev.parley.live;

import java.io.IOException;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A {@link Channel} over Spring MVC's {@code SseEmitter}: async, no thread held per connection. */
final class SseChannel implements Channel {

	private final SseEmitter emitter;

	SseChannel(SseEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public void send(String event, String data) throws IOException {
		var e = SseEmitter.event().name(event).data(data.replace("\r", "").replace("\n", " "));
		if ("hello".equals(event)) {
			// the browser waits this long before reconnecting after a cut: spread between 1 and 10 s, so that
			// after a restart thousands of pages do not all come back in the same second
			e.reconnectTime(1_000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(9_000));
		}
		emitter.send(e);
	}

	@Override
	public void keepAlive() throws IOException {
		emitter.send(SseEmitter.event().comment("keep-alive"));
	}

	@Override
	public void close() {
		try {
			emitter.complete();
		}
		catch (RuntimeException ignored) {
			// the response is gone already
		}
	}
}
