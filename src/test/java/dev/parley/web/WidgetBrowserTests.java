package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;
import dev.parley.testing.Eventually;
import dev.parley.widget.WidgetSessions;

/**
 * The widget on a company's own page, served from another origin by a small server in this test: a visitor who is
 * not signed in fills in the pre-chat form, waits, an agent takes the chat, messages go both ways (HTML shown as
 * text), a customer record exists for the e-mail, and the agent sees the contact came through the widget
 * unverified. The company's page has a Content-Security-Policy as strict as Parley's, naming Parley's origin (a
 * violation fails the test). A page of an origin not on the allow-list gets no CORS answer.
 */
@BrowserTest
class WidgetBrowserTests {

	static final HttpServer SITE = site();

	static volatile int parleyPort;

	static volatile String queueKey = "none";

	@DynamicPropertySource
	static void allowTheSite(DynamicPropertyRegistry registry) {
		registry.add("parley.widget.allowed-origins", () -> "http://127.0.0.1:" + SITE.getAddress().getPort());
	}

	@AfterAll
	static void stopSite() {
		SITE.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentDesk desk;

	@Autowired
	Chat chat;

	@Autowired
	CustomerManagement customers;

	@Test
	void aVisitorChatsFromTheCompanysOwnPage(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var agent = RoutingFixtures.agent(agents, group);
		parleyPort = port;
		queueKey = queue.key();
		String email = "visitor-" + System.nanoTime() + "@example.com";

		browser.driver().get("http://127.0.0.1:" + SITE.getAddress().getPort() + "/");
		browser.waitFor(d -> shadow(browser, ".open") != null && shadow(browser, ".open").isDisplayed());
		shadow(browser, ".open").click();
		shadow(browser, "#pw-name").sendKeys("Vera Visitor");
		shadow(browser, "#pw-email").sendKeys("not-an-address");
		shadow(browser, ".prechat button").click();
		browser.waitFor(d -> shadow(browser, ".error").getText().contains("email"));
		assertThat(customers.findByEmail("not-an-address")).isEmpty();

		shadow(browser, "#pw-email").clear();
		shadow(browser, "#pw-email").sendKeys(email);
		shadow(browser, "#pw-topic").sendKeys("My order");
		shadow(browser, ".prechat button").click();
		browser.waitFor(d -> shadow(browser, ".status").getText().contains("Waiting"));
		var customer = customers.findByEmail(email).orElseThrow();

		states.change(agent.id(), "ready", null);
		try {
			var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
			assertThat(offer.interaction().topic()).startsWith(WidgetSessions.UNVERIFIED).endsWith("My order");
			assertThat(offer.interaction().customer()).isEqualTo(customer);
			var taken = desk.accept(agent.id(), offer.offer().id());
			chat.post(Participant.agent(agent.id().value(), "Ana"), taken.id(), "Hello <b>Vera</b>", null);
			browser.waitFor(d -> shadow(browser, ".log").getText().contains("Hello <b>Vera</b>"));
			browser.waitFor(d -> shadow(browser, ".status").getText().contains("Connected"));

			shadow(browser, "#pw-text").sendKeys("Where is PO-1?");
			shadow(browser, ".send button").click();
			Eventually.value(() -> chat.messages(Participant.agent(agent.id().value(), "Ana"), taken.id(), 0).stream()
				.filter(m -> m.body().equals("Where is PO-1?")).findFirst().orElse(null));
			browser.screenshot("widget");
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}

	@Test
	void anOriginNotAllowedGetsNoCorsAnswer() throws Exception {
		var preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/widget/v1/sessions"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
			.header("Access-Control-Request-Method", "POST").build();
		var answer = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		var allowed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/widget/v1/sessions"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://127.0.0.1:" + SITE.getAddress().getPort())
			.header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
			.build();
		assertThat(HttpClient.newHttpClient().send(allowed, HttpResponse.BodyHandlers.ofString()).headers()
			.firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:" + SITE.getAddress().getPort());
	}

	@Test
	void aTokenReachesItsOneChatOnly() throws Exception {
		var client = HttpClient.newHttpClient();
		var unknown = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/widget/v1/messages"))
			.header("X-Parley-Widget", "pw_not-a-real-token").build();
		assertThat(client.send(unknown, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
		var none = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me/profile"))
			.header("Authorization", "Bearer pw_not-a-real-token").build();
		assertThat(client.send(none, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	private static WebElement shadow(Browser browser, String selector) {
		return (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
				"var h = document.getElementById('parley-widget'); return h && h.shadowRoot ? h.shadowRoot.querySelector(arguments[0]) : null;",
				selector);
	}

	/**
	 * A company page as strict as Parley's own: nothing inline, scripts, styles and connections from itself and
	 * from Parley only (what docs/widget.md tells a company to allow).
	 */
	static String companyPolicy(String parley) {
		return "default-src 'self'; script-src 'self' " + parley + "; style-src 'self' " + parley + "; connect-src 'self' "
				+ parley + "; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
	}

	private static HttpServer site() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				String page;
				try (InputStream in = WidgetBrowserTests.class.getResourceAsStream("/widget/test-page.html")) {
					page = new String(in.readAllBytes(), StandardCharsets.UTF_8)
						.replace("{{PARLEY}}", "http://127.0.0.1:" + parleyPort).replace("{{QUEUE}}", queueKey);
				}
				byte[] body = page.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
				exchange.getResponseHeaders().add("Content-Security-Policy", companyPolicy("http://127.0.0.1:" + parleyPort));
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
