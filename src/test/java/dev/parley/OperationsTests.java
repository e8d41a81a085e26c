package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.AgentManagement;
import dev.parley.common.Databases;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * What operators rely on: health and its probes answer anyone (status only), details and the Prometheus scrape
 * only administrators' tokens, and the scrape carries the center's and each queue's live figures.
 */
@ParleyIntegrationTest
class OperationsTests {

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
	javax.sql.DataSource dataSource;

	@Test
	void healthAndProbesAnswerAnyoneWithTheStatusOnly() {
		var api = new ApiClient(port);
		var health = api.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().has("components")).as("no details without a token").isFalse();
		assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);

		String admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN).token();
		var detailed = api.get("/actuator/health", admin).json();
		assertThat(detailed.at("/components/db/status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsAreForAdministratorsAndCarryTheLiveFigures() {
		var api = new ApiClient(port);
		assertThat(scrape(null).statusCode()).isEqualTo(401);
		String customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		assertThat(scrape(customer).statusCode()).isEqualTo(403);
		String supervisor = AccountFixtures.withToken(identity, tokens, Role.SUPERVISOR).token();
		assertThat(api.get("/actuator/metrics", supervisor).status()).isEqualTo(403);

		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		String admin = AccountFixtures.withToken(identity, tokens, Role.ADMIN).token();
		String scrape = Eventually.value(() -> {
			var r = scrape(admin);
			// a new queue's gauges are registered one after another: wait for the one asserted, not for the first
			return r.statusCode() == 200 && r.body().contains("parley_queue_contacts_waiting{queue=\"" + queue.key() + "\"}")
					? r.body() : null;
		});
		assertThat(scrape).contains("parley_center_contacts_waiting", "parley_center_agents_available",
				"parley_queue_contacts_waiting{queue=\"" + queue.key() + "\"} 0.0", "parley_live_connections",
				"parley_live_connects_waiting", "parley_live_connects_refused_total", "jvm_memory_used_bytes",
				// the API token cache (the scrape's own token was read on its request) and the last-use batch
				"parley_identity_token_reads_total{on=\"ahead\"}", "parley_identity_token_reads_total{on=\"request\"}",
				"parley_identity_token_kept", "parley_identity_token_uses_written_total");
		if (Databases.isPostgres(dataSource)) {
			// the chat's group commit (PostgreSQL's): histograms a scraper takes percentiles of
			assertThat(scrape).contains("parley_chat_commit_wait_seconds_bucket", "parley_chat_commit_seconds_bucket",
					"parley_chat_commit_messages_count");
		}
		else {
			assertThat(scrape).doesNotContain("parley_chat_commit");
		}
	}

	/** The Prometheus scrape as a scraper asks for it (text format). */
	private java.net.http.HttpResponse<String> scrape(String token) {
		try {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
					+ "/actuator/prometheus")).header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			return java.net.http.HttpClient.newHttpClient().send(request.GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
