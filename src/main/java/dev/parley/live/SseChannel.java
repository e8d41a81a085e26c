package dev.parley.live;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * A {@link Channel} over Spring MVC's {@code ResponseBodyEmitter} (async, no thread held per connection) whose
 * response is {@code text/event-stream}: each frame's bytes, encoded once for every connection that gets it, are
 * written as they are.
 */
final class SseChannel implements Channel {

	private static final MediaType STREAM = MediaType.TEXT_EVENT_STREAM;

	private final ResponseBodyEmitter emitter;

	SseChannel(ResponseBodyEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public void send(Frame frame) throws IOException {
		emitter.send(frame.bytes(), STREAM);
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
