package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.IssuedToken;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.AccountFixtures.SignedIn;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat socket (an API client's messages over one WebSocket): a real socket to the running Parley. Messages are
 * stored, numbered and answered in order like the request's; a bad frame gets the request's problem and stores
 * nothing; the handshake takes the API's token and role; a token revoked while the socket is open closes it.
 */
@ParleyIntegrationTest
class ChatSocketTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry registry;

	ApiClient api;
	SignedIn customer;
	IssuedToken agentToken;
	AccountId agentAccount;
	String chat;
	final List<Socket> sockets = new ArrayList<>();

	@BeforeEach
	void aConnectedChat() {
		api = new ApiClient(port);
		customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 20);
		var agent = RoutingFixtures.agent(agents, group);
		agentAccount = new AccountId(agent.id().value());
		agentToken = tokens.issue(agentAccount, "socket", null);
		assertThat(api.put("/api/v1/agent/state", agentToken.secret(), ApiClient.json(Map.of("state", "ready")))
			.status()).isEqualTo(200);
		var started = api.post("/api/v1/me/interactions", customer.token(),
				ApiClient.json(Map.of("medium", "chat", "queue", queue.key())));
		assertThat(started.status()).isEqualTo(201);
		chat = started.json().get("id").asString();
		RoutingFixtures.accept(api, agentToken.secret(), chat);
	}

	@AfterEach
	void close() {
		sockets.forEach(Socket::abort);
	}

	@Test
	void messagesAreStoredAndAnsweredInTheOrderTheyCameAndTheOtherSideReadsThem() throws Exception {
		double storedBefore = frames("stored");
		double refusedBefore = frames("problem");
		Socket agent = open("/api/v1/agent/chat-socket", agentToken.secret());
		for (int i = 1; i <= 16; i++) {
			agent.send(Map.of("interaction", chat, "body", "line " + i, "clientId", "a-" + i));
		}
		// a burst of 16 outruns the sender's rate (10 at once, then 3 a second), as 16 requests would
		long stored = 0;
		int refused = 0;
		for (int i = 1; i <= 16; i++) {
			JsonNode answer = agent.next();
			assertThat(answer.get("interaction").asString()).isEqualTo(chat);
			if (answer.get("type").asString().equals("message")) {
				assertThat(answer.get("message").get("seq").asLong()).as("numbered in the order sent").isEqualTo(++stored);
				assertThat(answer.get("message").get("body").asString()).isEqualTo("line " + i);
				assertThat(answer.get("message").get("clientId").asString()).isEqualTo("a-" + i);
				assertThat(answer.get("message").get("sender").asString()).isEqualTo("agent");
			}
			else {
				assertThat(answer.get("type").asString()).isEqualTo("problem");
				assertThat(answer.get("status").asInt()).isEqualTo(429);
				assertThat(answer.get("clientId").asString()).isEqualTo("a-" + i);
				assertThat(answer.get("retryAfter").asLong()).isPositive();
				refused++;
			}
		}
		assertThat(stored).isGreaterThanOrEqualTo(10);
		assertThat(refused).isPositive();
		assertThat(frames("stored") - storedBefore).as("the operators' count").isEqualTo(stored);
		assertThat(frames("problem") - refusedBefore).isEqualTo(refused);
		assertThat(registry.get("parley.chat.socket.open").tag("side", "agent").gauge().value()).isPositive();
		agent.send(Map.of("interaction", chat, "body", "line 7", "clientId", "a-7"));
		assertThat(agent.next().get("message").get("seq").asLong()).as("a resend is stored once").isEqualTo(7);

		Socket customerSocket = open("/api/v1/me/chat-socket", customer.token());
		customerSocket.send(Map.of("interaction", chat, "body", "Thanks!"));
		JsonNode mine = customerSocket.next();
		assertThat(mine.get("message").get("seq").asLong()).isEqualTo(stored + 1);
		assertThat(mine.get("message").get("sender").asString()).isEqualTo("customer");

		var read = api.get("/api/v1/me/interactions/" + chat + "/messages", customer.token()).json();
		assertThat(read).hasSize((int) stored + 1);
		assertThat(read.get(0).get("body").asString()).isEqualTo("line 1");
		assertThat(read.get(9).get("body").asString()).isEqualTo("line 10");
		assertThat(read.get((int) stored).get("body").asString()).isEqualTo("Thanks!");
	}

	@Test
	void aBadFrameGetsTheRequestsProblemStoresNothingAndTheSocketGoesOn() throws Exception {
		Socket agent = open("/api/v1/agent/chat-socket", agentToken.secret());
		agent.sendText("not json");
		JsonNode malformed = agent.next();
		assertThat(malformed.get("type").asString()).isEqualTo("problem");
		assertThat(malformed.get("status").asInt()).isEqualTo(400);
		assertThat(malformed.get("problem").get("detail").asString()).contains("not valid JSON");

		agent.send(Map.of("body", "to nowhere", "clientId", "x-1"));
		JsonNode noChat = agent.next();
		assertThat(noChat.get("status").asInt()).isEqualTo(400);
		assertThat(noChat.get("clientId").asString()).isEqualTo("x-1");
		assertThat(fields(noChat)).containsExactly("interaction");

		agent.send(Map.of("interaction", chat, "body", "  ", "clientId", "x-2"));
		JsonNode blank = agent.next();
		assertThat(blank.get("status").asInt()).isEqualTo(400);
		assertThat(blank.get("interaction").asString()).isEqualTo(chat);
		assertThat(fields(blank)).containsExactly("body");

		agent.sendText("{\"interaction\":\"" + chat + "\",\"body\":{\"text\":\"hi\"}}");
		JsonNode wrongType = agent.next();
		assertThat(wrongType.get("status").asInt()).isEqualTo(400);
		assertThat(fields(wrongType)).containsExactly("body");

		// over the longest message, and over the container's default frame (8,192 characters) once escaped: answered,
		// not cut
		agent.send(Map.of("interaction", chat, "body", "\"".repeat(4500)));
		assertThat(agent.next().get("status").asInt()).isEqualTo(413);

		// the longest message there is, each character escaped in JSON
		String quotes = "\"".repeat(4000);
		agent.send(Map.of("interaction", chat, "body", quotes, "clientId", "longest"));
		JsonNode longest = agent.next();
		assertThat(longest.get("type").asString()).isEqualTo("message");
		assertThat(longest.get("message").get("body").asString()).isEqualTo(quotes);

		agent.send(Map.of("interaction", java.util.UUID.randomUUID().toString(), "body", "hi"));
		assertThat(agent.next().get("status").asInt()).isEqualTo(404);

		// another customer's chat through the customer's socket: the same 404 as an unknown id
		SignedIn stranger = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		Socket strangers = open("/api/v1/me/chat-socket", stranger.token());
		strangers.send(Map.of("interaction", chat, "body", "let me in"));
		assertThat(strangers.next().get("status").asInt()).isEqualTo(404);

		var stored = api.get("/api/v1/me/interactions/" + chat + "/messages", customer.token()).json();
		assertThat(stored).as("nothing stored but the longest message").hasSize(1);
		assertThat(stored.get(0).get("clientId").asString()).isEqualTo("longest");
		agent.send(Map.of("interaction", chat, "body", "still here"));
		assertThat(agent.next().get("message").get("seq").asLong()).isEqualTo(2);
	}

	@Test
	void theHandshakeTakesTheApisTokenOfTheRightRole() {
		assertThat(handshakeStatus("/api/v1/agent/chat-socket", null)).isEqualTo(401);
		assertThat(handshakeStatus("/api/v1/agent/chat-socket", "pt_not-a-token")).isEqualTo(401);
		assertThat(handshakeStatus("/api/v1/agent/chat-socket", customer.token())).isEqualTo(403);
		assertThat(handshakeStatus("/api/v1/me/chat-socket", agentToken.secret())).isEqualTo(403);
	}

	@Test
	void aTokenRevokedWhileTheSocketIsOpenClosesItAndItsNextFrameIsNotStored() throws Exception {
		Socket agent = open("/api/v1/agent/chat-socket", agentToken.secret());
		agent.send(Map.of("interaction", chat, "body", "before"));
		assertThat(agent.next().get("message").get("seq").asLong()).isEqualTo(1);

		tokens.revoke(agentAccount, agentToken.token().id());
		agent.send(Map.of("interaction", chat, "body", "after"));
		assertThat(agent.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 The bearer token is unknown, expired or revoked.");
		assertThat(api.get("/api/v1/me/interactions/" + chat + "/messages", customer.token()).json()).hasSize(1);
	}

	@Test
	void aFrameOverTheLimitClosesTheSocketAsTooBig() throws Exception {
		Socket agent = open("/api/v1/agent/chat-socket", agentToken.secret());
		agent.sendText("{\"interaction\":\"" + chat + "\",\"body\":\"" + "x".repeat(70_000) + "\"}");
		assertThat(agent.closed.get(10, TimeUnit.SECONDS)).startsWith("1009");
		assertThat(api.get("/api/v1/me/interactions/" + chat + "/messages", customer.token()).json()).isEmpty();
	}

	private double frames(String outcome) {
		return registry.get("parley.chat.socket.frames").tag("side", "agent").tag("outcome", outcome).counter().count();
	}

	private static List<String> fields(JsonNode answer) {
		List<String> fields = new ArrayList<>();
		answer.get("problem").path("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	private int handshakeStatus(String path, String token) {
		var builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		try {
			sockets.add(new Socket(builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new Socket.Frames())
				.get(10, TimeUnit.SECONDS), null));
			return 101;
		}
		catch (Exception e) {
			Throwable cause = e.getCause();
			if (cause instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
			throw new AssertionError(e);
		}
	}

	private Socket open(String path, String token) throws Exception {
		var frames = new Socket.Frames();
		WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
			.header("Authorization", "Bearer " + token)
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + path), frames)
			.get(10, TimeUnit.SECONDS);
		Socket socket = new Socket(ws, frames);
		sockets.add(socket);
		return socket;
	}

	/** One client socket: frames sent one after another, the answers and the close as they come. */
	static final class Socket {

		final WebSocket ws;
		final BlockingQueue<String> answers;
		final CompletableFuture<String> closed;

		Socket(WebSocket ws, Frames frames) {
			this.ws = ws;
			this.answers = frames == null ? new LinkedBlockingQueue<>() : frames.answers;
			this.closed = frames == null ? new CompletableFuture<>() : frames.closed;
		}

		void send(Map<String, ?> frame) {
			sendText(JSON.writeValueAsString(frame));
		}

		void sendText(String text) {
			ws.sendText(text, true).join();
		}

		JsonNode next() throws InterruptedException {
			String text = answers.poll(10, TimeUnit.SECONDS);
			assertThat(text).as("an answer within 10 s").isNotNull();
			return JSON.readTree(text);
		}

		void abort() {
			ws.abort();
		}

		static final class Frames implements WebSocket.Listener {

			final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
			final CompletableFuture<String> closed = new CompletableFuture<>();
			private final StringBuilder partial = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
				partial.append(data);
				if (last) {
					answers.add(partial.toString());
					partial.setLength(0);
				}
				ws.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
				closed.complete(status + " " + reason);
				return null;
			}

			@Override
			public void onError(WebSocket ws, Throwable error) {
				closed.complete("error " + error);
			}
		}
	}
}
