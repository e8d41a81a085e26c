package dev.parley.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * A queue is a presentity whose PIDF carries the figures the status API gives: closed while nobody can serve
 * it, open with its agents and waiting contacts once an agent is ready, read as PIDF over the presence API (the
 * document SIP watchers get in their NOTIFYs).
 */
@ParleyIntegrationTest
@TestPropertySource(properties = "parley.status.presence-interval=200ms")
class StatusPresenceTests {

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
	AgentStates states;

	@Test
	void aQueuesPidfCarriesItsLiveFigures() {
		var api = new ApiClient(port);
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var agent = RoutingFixtures.agent(agents, group);
		String staff = AccountFixtures.withToken(identity, tokens, Role.SUPERVISOR).token();
		String path = "/api/v1/presence/queue-" + queue.key();

		String closed = Eventually.value(() -> pidf(api, path, staff, "<basic>closed</basic>"));
		assertThat(closed).contains("urn:parley:xml:ns:pidf:figures").contains("contacts-waiting");

		var customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		api.post("/api/v1/me/interactions", customer, ApiClient.json(Map.of("medium", "chat", "queue", queue.key())));
		states.change(agent.id(), "not-ready", "break");
		try {
			String open = Eventually.value(() -> {
				String doc = pidf(api, path, staff, "<basic>closed</basic>");
				return doc != null && figure(doc, "contacts-waiting") == 1 && figure(doc, "agents-logged-in") == 1
						? doc : null;
			});
			assertThat(figure(open, "agents-not-ready")).isEqualTo(1);

			states.change(agent.id(), "ready", null);
			String serving = Eventually.value(() -> pidf(api, path, staff, "<basic>open</basic>"));
			assertThat(serving).contains("open-chat");
			var json = api.get("/api/v1/status/queues/" + queue.key(), staff).json();
			assertThat(figure(serving, "agents-logged-in")).isEqualTo(json.get("agentsLoggedIn").asLong());
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}

	/** The queue's PIDF when it contains {@code marker}, else null. */
	private String pidf(ApiClient api, String path, String token, String marker) {
		try {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token).header("Accept", "application/pidf+xml").GET().build();
			var response = java.net.http.HttpClient.newHttpClient().send(request,
					java.net.http.HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains(marker) ? response.body() : null;
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static long figure(String pidf, String name) {
		var m = java.util.regex.Pattern.compile("name=\"" + name + "\"[^>]*>(\\d+)<").matcher(pidf);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}
}
