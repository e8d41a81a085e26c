package dev.parley.api;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.security.ParleyUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat socket: an API client's chat messages over one WebSocket rather than one HTTP request each (a bot, a
 * mobile app, an integration that writes in many chats). A frame in is one message, {@code {"interaction": id,
 * "body": text, "clientId": optional}}; the frame out answers it, in the order the messages came:
 * {@code {"type": "message", "interaction": id, "message": {...}}} with the message as stored (exactly what
 * {@code POST .../interactions/{id}/messages} answers with 201), or {@code {"type": "problem", "interaction": id,
 * "clientId": ..., "status": 400, "problem": {...}}} with the problem that request would have answered (400, 403,
 * 404, 409, 413, 429 with {@code retryAfter} in seconds), nothing stored. A message is stored and pushed by the same
 * controller method as the request's, so the rules, the limits and the answers are one.
 * <p>
 * The socket is opened with the same bearer token as the API ({@code Authorization: Bearer}); the handshake passes
 * the API's filters, so a missing or bad token gets 401 and the wrong role 403 there. The token is checked again for
 * every frame (the token cache's look-up): once it is revoked or expired, or the account disabled or given another
 * role, the socket is closed with 1008 and that frame is not stored. A frame over {@link #MAX_FRAME} characters closes
 * the socket with 1009 (the protocol's "message too big"). Metrics: {@code parley.chat.socket.open} and
 * {@code parley.chat.socket.frames} (by {@code outcome}: stored, problem), both by {@code side}.
 */
final class ChatSocket extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);

	/** The agent's socket: their chats, as {@code POST /api/v1/agent/interactions/{id}/messages}. */
	static final String AGENT_PATH = "/api/v1/agent/chat-socket";
	/** The customer's socket: their chats, as {@code POST /api/v1/me/interactions/{id}/messages}. */
	static final String CUSTOMER_PATH = "/api/v1/me/chat-socket";
	/**
	 * The largest frame taken, in characters: room for a message over the limit, escaped in JSON, to be answered 413
	 * rather than cut (the container's default, 8,192, cuts such a frame).
	 */
	static final int MAX_FRAME = 64 * 1024;
	/** A socket that carries nothing (not even a ping) this long is closed. */
	static final long IDLE_MILLIS = 5 * 60_000;
	/** The handshake's token, kept with the socket to be checked again for each frame. */
	static final String TOKEN = ChatSocket.class.getName() + ".token";

	/** What a frame in holds. */
	record Frame(String interaction, String body, String clientId) {
	}

	/** The controller method that stores a message: the agent's or the customer's. */
	@FunctionalInterface
	interface Poster {
		ResponseEntity<BrokerViews.MessageView> post(ParleyUser user, String interaction,
				MyInteractionsApiController.MessageRequest request);
	}

	private final Role role;
	private final Poster poster;
	private final TokenManagement tokens;
	private final JsonMapper json;
	private final ApiExceptionHandler problems;
	private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class);
	private final AtomicInteger open = new AtomicInteger();
	private final Counter stored;
	private final Counter refused;

	ChatSocket(Role role, Poster poster, TokenManagement tokens, JsonMapper json, ApiExceptionHandler problems,
			MeterRegistry registry) {
		this.role = role;
		this.poster = poster;
		this.tokens = tokens;
		this.json = json;
		this.problems = problems;
		String side = role.name().toLowerCase(Locale.ROOT);
		Gauge.builder("parley.chat.socket.open", open, AtomicInteger::get).tag("side", side)
			.description("Chat sockets open").register(registry);
		this.stored = Counter.builder("parley.chat.socket.frames").tag("side", side).tag("outcome", "stored")
			.description("Chat socket frames answered").register(registry);
		this.refused = Counter.builder("parley.chat.socket.frames").tag("side", side).tag("outcome", "problem")
			.description("Chat socket frames answered").register(registry);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		// set per socket, not for the container: the container's settings need a running one (not a test's mock)
		session.setTextMessageSizeLimit(MAX_FRAME);
		if (session instanceof NativeWebSocketSession running) {
			jakarta.websocket.Session ws = running.getNativeSession(jakarta.websocket.Session.class);
			if (ws != null) {
				ws.setMaxIdleTimeout(IDLE_MILLIS);
			}
		}
		open.incrementAndGet();
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		open.decrementAndGet();
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		var account = tokens.authenticate((String) session.getAttributes().get(TOKEN));
		if (account.isEmpty()) {
			session.close(CloseStatus.POLICY_VIOLATION.withReason("The bearer token is unknown, expired or revoked."));
			return;
		}
		if (account.get().role() != role) {
			session.close(CloseStatus.POLICY_VIOLATION.withReason("Your role may not use this resource."));
			return;
		}
		ParleyUser user = new ParleyUser(account.get(), "");
		Frame frame = null;
		Map<String, Object> answer = new LinkedHashMap<>();
		try {
			frame = json.readValue(message.getPayload(), Frame.class);
			if (frame == null || frame.interaction() == null || frame.interaction().isBlank()) {
				throw new InvalidInputException(
						List.of(new FieldViolation("interaction", "required", "is required")));
			}
			var posted = poster.post(user, frame.interaction(),
					new MyInteractionsApiController.MessageRequest(frame.body(), frame.clientId()));
			answer.put("type", "message");
			answer.put("interaction", frame.interaction());
			answer.put("message", posted.getBody());
			stored.increment();
		}
		catch (Exception e) {
			ResponseEntity<ProblemDetail> problem = e instanceof JacksonException j ? problems.unreadableJson(j)
					: problem(e);
			answer.put("type", "problem");
			answer.put("interaction", frame == null ? null : frame.interaction());
			answer.put("clientId", frame == null ? null : frame.clientId());
			answer.put("status", problem.getStatusCode().value());
			String retryAfter = problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
			if (retryAfter != null) {
				answer.put("retryAfter", Long.parseLong(retryAfter));
			}
			answer.put("problem", problem.getBody());
			refused.increment();
		}
		session.sendMessage(new TextMessage(json.writeValueAsString(answer)));
	}

	/** The problem the API answers for what a message's request threw. */
	@SuppressWarnings("unchecked")
	private ResponseEntity<ProblemDetail> problem(Exception e) {
		Method method = resolver.resolveMethod(e);
		try {
			if (method != null) {
				return (ResponseEntity<ProblemDetail>) method.invoke(problems, e);
			}
		}
		catch (IllegalAccessException | InvocationTargetException failed) {
			log.error("No problem answer for a chat socket frame's error", failed);
		}
		return ApiExceptionHandler.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side.", List.of());
	}
}
