package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

@ParleyIntegrationTest
class PlatformApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transaction;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void servesAnOpenApiDocumentForVersionOne() {
		var doc = api.get("/api/v1/openapi", null);
		assertThat(doc.status()).isEqualTo(200);
		assertThat(doc.json().get("openapi").asString()).startsWith("3.");
		assertThat(doc.json().get("paths").has("/api/v1/tokens")).isTrue();
		assertThat(doc.json().get("components").get("securitySchemes").has("bearer")).isTrue();
	}

	@Test
	void servesTheBrowsableApiPageFromTheHub() {
		var page = api.get("/api/swagger-ui/index.html", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	@Test
	void agentsReadTheAuditTrailOfACustomerAndCustomersMayNot() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var customer = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		transaction.executeWithoutResult(s -> audit.record(AuditChange
			.of(customer.account().id(), customer.id(), "order", "PO-1", "cancel").field("status", "PAID", "CANCELLED")));

		var entries = api.get("/api/v1/audit?customer=" + customer.id(), agent.token());
		assertThat(entries.status()).isEqualTo(200);
		var first = entries.json().get("items").get(0);
		assertThat(first.get("oldValue").asString()).isEqualTo("PAID");
		assertThat(first.get("newValue").asString()).isEqualTo("CANCELLED");
		assertThat(first.get("actorName").asString()).isEqualTo(customer.account().displayName());

		var refused = api.get("/api/v1/audit?customer=" + customer.id(), customer.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).contains("application/problem+json");
	}

	@Test
	void badParametersNameTheParameter() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var bad = api.get("/api/v1/audit?customer=not-a-uuid", agent.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("customer");
		var size = api.get("/api/v1/audit?customer=" + UUID.randomUUID() + "&size=5000", agent.token());
		assertThat(size.status()).isEqualTo(400);
		assertThat(size.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
	}

	@Test
	void refusesOversizeBodiesWith413AndKeepsNothing() {
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var huge = api.post("/api/v1/tokens", me.token(), "{\"name\":\"" + "x".repeat(300_000) + "\"}");
		assertThat(huge.status()).isEqualTo(413);
		assertThat(tokens.list(me.account().id())).hasSize(1);
	}

	@Test
	void refusesBodiesThatAreNotJsonWith415() {
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var xml = api.send("POST", "/api/v1/tokens", me.token(), "application/xml", "<name>x</name>");
		assertThat(xml.status()).isEqualTo(415);
		assertThat(xml.contentType()).contains("application/problem+json");
	}

	@Test
	void unknownApiPathsAnswerAProblemNotAPage() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var missing = api.get("/api/v1/no-such-thing", agent.token());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).contains("application/problem+json");
	}
}
