package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.AttributeManagement;
import dev.parley.customer.AttributeType;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.PageSession;

/**
 * The security headers of a whole Parley over real HTTP. Pages carry a Content-Security-Policy whose script-src
 * allows Parley's own files only, and no page of any role holds an inline script, an inline event handler, a
 * {@code javascript:} URL or an htmx attribute that needs eval. Behind a TLS-terminating proxy on a trusted
 * address (loopback by default), a request forwarded as https gets a Secure session cookie and HSTS; plain HTTP
 * gets neither, and a proxy that is not trusted cannot make a request https.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

	static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
	static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^>]*?\\s(on[a-zA-Z]+)\\s*=", Pattern.CASE_INSENSITIVE);
	static final Pattern SCRIPT_URL = Pattern.compile("=\\s*[\"']?\\s*javascript:", Pattern.CASE_INSENSITIVE);
	static final Pattern EVAL_HTMX = Pattern.compile(
			"<[a-zA-Z][^>]*?\\s(?:data-)?(?:hx-on\\b|hx-on:|hx-on-|hx-vars\\b|hx-vals\\s*=\\s*[\"']\\s*js:)",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AttributeManagement attributes;

	@Test
	void pagesAllowScriptsFromParleysOwnFilesOnly() {
		for (String path : List.of("/login", "/register", "/status", "/css/parley.css")) {
			var answer = get(port, path, Map.of());
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			var policy = directives(answer.headers().firstValue("Content-Security-Policy").orElse(""));
			assertThat(policy.get("script-src")).as(path + " script-src").containsExactly("'self'");
			assertThat(policy.get("default-src")).as(path + " default-src").containsExactly("'self'");
			assertThat(policy.get("style-src-elem")).as(path + " style-src-elem").containsExactly("'self'");
			assertThat(policy.get("object-src")).as(path).containsExactly("'none'");
			assertThat(policy.get("base-uri")).as(path).containsExactly("'self'");
			assertThat(policy.get("frame-ancestors")).as(path).containsExactly("'none'");
		}
	}

	@Test
	void theApiBrowserRunsOnlyParleysScriptsToo() {
		var answer = get(port, "/api/swagger-ui/index.html", Map.of());
		assertThat(answer.statusCode()).isEqualTo(200);
		var policy = directives(answer.headers().firstValue("Content-Security-Policy").orElse(""));
		assertThat(policy.get("script-src")).containsExactly("'self'");
		assertThat(policy.get("style-src")).containsExactly("'self'", "'unsafe-inline'");
		assertThat(policy).doesNotContainKey("style-src-elem");
		assertThat(inlineCode("/api/swagger-ui/index.html", answer.body())).isEmpty();
	}

	@Test
	void noPageOfAnyRoleHoldsInlineScriptOrHandlers() {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 30);
		var admin = AccountFixtures.account(identity, Role.ADMIN);
		attributes.add(admin.id(), new AttributeDefinition("k" + AccountFixtures.uniqueName("a").substring(2, 8),
				"Loyalty card", AttributeType.TEXT, false, 40, List.of()));
		String customer = AccountFixtures.uniqueName("cust");
		customers.register(new Registration(customer, "Cora Customer", customer + "@example.com", AccountFixtures.PASSWORD,
				"Europe/Berlin"));
		var agent = RoutingFixtures.agent(agents, group);
		String agentName = identity.find(new AccountId(agent.id().value())).orElseThrow().username();
		String supervisor = AccountFixtures.account(identity, Role.SUPERVISOR).username();

		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put(null, List.of("/login", "/register", "/status"));
		pages.put(customer, List.of("/customer", "/customer/profile", "/customer/history", "/customer/orders",
				"/customer/products", "/customer/availability", "/customer/presence", "/account/tokens"));
		pages.put(agentName, List.of("/agent", "/agent/audit", "/account/tokens"));
		pages.put(supervisor, List.of("/supervisor", "/supervisor/agents", "/supervisor/agents/" + agent.id().value(),
				"/supervisor/reports", "/supervisor/what-if", "/agent"));
		pages.put(admin.username(), List.of("/admin", "/admin/attributes", "/admin/groups", "/admin/groups/" + group,
				"/admin/queues", "/admin/queues/new", "/admin/queues/" + queue.key(), "/admin/sign-in-locks",
				"/agent/audit"));

		List<String> found = new ArrayList<>();
		pages.forEach((user, paths) -> {
			var session = user == null ? PageSession.anonymous(port) : PageSession.signedIn(port, user);
			for (String path : paths) {
				var page = session.get(path);
				assertThat(page.status()).as(user + " " + path).isEqualTo(200);
				found.addAll(inlineCode(path, page.body()));
			}
		});
		assertThat(found).isEmpty();
	}

	@Test
	void aRequestForwardedAsHttpsByTheLocalProxyGetsASecureCookieAndHsts() {
		var answer = get(port, "/login", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(sessionCookie(answer)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));

		var api = get(port, "/api/v1/queues", Map.of("X-Forwarded-Proto", "https"));
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Strict-Transport-Security")).as("the API's answers too").isPresent();
	}

	@Test
	void plainHttpGetsNeitherSecureCookieNorHsts() {
		var answer = get(port, "/login", Map.of());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(sessionCookie(answer)).doesNotContain("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
		var http = get(port, "/login", Map.of("X-Forwarded-Proto", "http"));
		assertThat(sessionCookie(http)).doesNotContain("Secure");
		assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	/** A proxy that is not on the trusted list (here: loopback is not) cannot make a request https. */
	@Nested
	@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.1")
	class FromAnAddressThatIsNotATrustedProxy {

		@LocalServerPort
		int otherPort;

		@Test
		void forwardedHeadersAreIgnored() {
			var answer = get(otherPort, "/login", Map.of("X-Forwarded-Proto", "https"));
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(sessionCookie(answer)).doesNotContain("Secure");
			assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}
	}

	/** Each inline script, inline handler, javascript: URL and eval-needing htmx attribute in the page. */
	static List<String> inlineCode(String path, String html) {
		List<String> found = new ArrayList<>();
		Matcher script = SCRIPT.matcher(html);
		while (script.find()) {
			String attributes = script.group(1).toLowerCase();
			if (!attributes.matches(".*\\ssrc\\s*=.*") && !attributes.contains("type=\"application/json\"")) {
				found.add(path + ": inline script " + script.group());
			}
		}
		for (Pattern pattern : List.of(HANDLER, SCRIPT_URL, EVAL_HTMX)) {
			Matcher m = pattern.matcher(html);
			while (m.find()) {
				found.add(path + ": " + m.group());
			}
		}
		return found;
	}

	private static String sessionCookie(HttpResponse<String> answer) {
		return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("PARLEY_SESSION=")).findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
	}

	private static Map<String, List<String>> directives(String policy) {
		Map<String, List<String>> directives = new LinkedHashMap<>();
		for (String directive : policy.split(";")) {
			var words = directive.trim().split("\\s+");
			if (words.length > 0 && !words[0].isEmpty()) {
				directives.put(words[0], Arrays.asList(words).subList(1, words.length));
			}
		}
		return directives;
	}

	private static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
		headers.forEach(request::header);
		try {
			return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
