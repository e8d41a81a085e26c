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
		emitter.send(SseEmitter.event().name(event).data(data.replace("\r", "").replace("\n", " ")));
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
