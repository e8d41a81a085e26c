package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.NewAccount;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body is bounded however it arrives: with a Content-Length over 256 KiB, or chunked (no length),
 * on the API and on the pages' forms, the answer is 413 problem+json naming the limit, only a bounded part of the
 * body is read and nothing is kept. Chunked bodies under the limit are read as usual.
 */
@dev.parley.testing.ParleyIntegrationTest
class RequestSizeLimitTests {

	private static final int LIMIT = 256 * 1024;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).cookieHandler(new java.net.CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aChunked20MegabyteRegistrationWithoutSignInIsRefused413AndNotReadWhole() throws Exception {
		String username = AccountFixtures.uniqueName("huge");
		String head = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.org\",\"password\":\""
				+ AccountFixtures.PASSWORD + "\",\"displayName\":\"";
		Generated body = new Generated(head, 20 * 1024 * 1024, "\"}");
		var response = post("/api/v1/registrations", "application/json", body);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("limit").asInt()).isEqualTo(LIMIT);
		assertThat(problem.get("detail").asString()).contains(Integer.toString(LIMIT));
		assertThat(body.served()).as("the server stopped reading: the 20 MiB did not all go").isLessThan(body.total());
		assertThat(identity.credentials(username)).as("nothing registered").isEmpty();
	}

	@Test
	void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
		String username = AccountFixtures.uniqueName("chunk");
		String json = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.org\",\"password\":\""
				+ AccountFixtures.PASSWORD + "\",\"displayName\":\"Chunky Charlie\"}";
		var response = post("/api/v1/registrations", "application/json", new Generated(json, 0, ""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(identity.credentials(username)).isPresent();
	}

	@Test
	void aFormOverTheLimitIsRefused413ChunkedOrNotAndOneUnderItSignsIn() throws Exception {
		String password = "grüße-aus-köln"; // read as UTF-8, or the sign-in fails
		var account = identity.open(new NewAccount(AccountFixtures.uniqueName("form"), password, "Form Filler",
				Role.CUSTOMER));
		String csrf = csrf();
		String form = "username=" + enc(account.username()) + "&password=" + enc(password) + "&_csrf=" + enc(csrf)
				+ "&filler=";

		Generated chunked = new Generated(form, 20 * 1024 * 1024, "");
		var refused = post("/login", "application/x-www-form-urlencoded", chunked);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("\"limit\":" + LIMIT);
		assertThat(chunked.served()).isLessThan(chunked.total());

		var withLength = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "x".repeat(LIMIT))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withLength.statusCode()).isEqualTo(413);

		var signedIn = post("/login", "application/x-www-form-urlencoded", new Generated(form + "x", 0, ""));
		assertThat(signedIn.statusCode()).as("a chunked form under the limit is parsed: signed in").isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private HttpResponse<String> post(String path, String type, Generated body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
			.header("Content-Type", type).header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private String csrf() throws Exception {
		String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("sign-in form's CSRF token").isTrue();
		return m.group(1);
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** A body of unknown length (so it goes chunked): a head, so many 'x', a tail; counts what was taken. */
	private static final class Generated extends InputStream {

		private final byte[] head;

		private final long filler;

		private final byte[] tail;

		private final AtomicLong served = new AtomicLong();

		Generated(String head, long filler, String tail) {
			this.head = head.getBytes(StandardCharsets.UTF_8);
			this.filler = filler;
			this.tail = tail.getBytes(StandardCharsets.UTF_8);
		}

		long served() {
			return served.get();
		}

		long total() {
			return head.length + filler + tail.length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			long at = served.get();
			long total = total();
			if (at >= total) {
				return -1;
			}
			int n = (int) Math.min(len, total - at);
			for (int i = 0; i < n; i++) {
				long p = at + i;
				b[off + i] = p < head.length ? head[(int) p]
						: p < head.length + filler ? (byte) 'x' : tail[(int) (p - head.length - filler)];
			}
			served.addAndGet(n);
			return n;
		}
	}
}
