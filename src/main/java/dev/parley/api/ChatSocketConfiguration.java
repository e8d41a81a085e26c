package dev.parley.api;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two chat sockets ({@link ChatSocket}): the agent's and the customer's, each behind its part of the API's
 * security rules (its path is under {@code /api/v1/agent/} or {@code /api/v1/me/}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer {

	private final AgentDeskApiController agents;
	private final MyInteractionsApiController customers;
	private final TokenManagement tokens;
	private final JsonMapper json;
	private final ApiExceptionHandler problems;
	private final MeterRegistry meters;

	ChatSocketConfiguration(AgentDeskApiController agents, MyInteractionsApiController customers,
			TokenManagement tokens, JsonMapper json, ApiExceptionHandler problems, MeterRegistry meters) {
		this.agents = agents;
		this.customers = customers;
		this.tokens = tokens;
		this.json = json;
		this.problems = problems;
		this.meters = meters;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new ChatSocket(Role.AGENT, agents::post, tokens, json, problems, meters),
				ChatSocket.AGENT_PATH)
			.addInterceptors(new KeepToken());
		registry.addHandler(new ChatSocket(Role.CUSTOMER, customers::post, tokens, json, problems, meters),
				ChatSocket.CUSTOMER_PATH)
			.addInterceptors(new KeepToken());
	}

	/** Keeps the handshake's bearer token with the socket (the API's filters have checked it already). */
	static final class KeepToken implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
				WebSocketHandler handler, Map<String, Object> attributes) {
			String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return false;
			}
			attributes.put(ChatSocket.TOKEN, header.substring(7).trim());
			return true;
		}

		@Override
		public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				Exception exception) {
		}
	}
}
