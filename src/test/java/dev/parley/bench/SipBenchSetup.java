package dev.parley.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the accounts the SIP benchmark needs through Parley's public HTTP interface only: customers through
 * the registration API (a password also opens SIP digest), the publisher's API token through the sign-in
 * form and the tokens page, and the publisher's presence rules (others may watch, full view) through
 * {@code PUT /api/v1/me/presence/rules}. No setup endpoint, nothing in production code.
 * <p>
 * {@code java -cp target/test-classes dev.parley.bench.SipBenchSetup http://127.0.0.1:8080 5} prints shell
 * assignments: {@code PUBLISHER_ID}, {@code PUBLISHER_USER}, {@code WATCHER_USERS} (an array), {@code PASSWORD}.
 */
public final class SipBenchSetup {

	public static final String PASSWORD = "bench-pass-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("id=\"new-token\"[^>]*>([^<]+)<");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final String base;

	private final HttpClient http;

	record Accounts(String publisherId, String publisherUser, List<String> watcherUsers) {
	}

	public SipBenchSetup(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	public static void main(String[] args) throws Exception {
		Accounts a = new SipBenchSetup(args[0]).create(Integer.parseInt(args[1]));
		System.out.println("PUBLISHER_ID=" + a.publisherId());
		System.out.println("PUBLISHER_USER=" + a.publisherUser());
		System.out.println("WATCHER_USERS=(" + String.join(" ", a.watcherUsers()) + ")");
		System.out.println("PASSWORD=" + PASSWORD);
	}

	Accounts create(int watchers) throws IOException, InterruptedException {
		String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		String publisher = "bpub" + run;
		String publisherId = register(publisher);
		List<String> users = new ArrayList<>();
		for (int i = 0; i < watchers; i++) {
			users.add("bw" + run + "n" + i);
			register(users.get(i));
		}
		String token = token(publisher);
		var put = HttpRequest.newBuilder(URI.create(base + "/api/v1/me/presence/rules"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(
					"{\"groups\":{\"others\":{\"handling\":\"allow\",\"visibility\":\"full\"},\"agents\":{\"handling\":\"confirm\",\"visibility\":\"full\"},\"supervisors\":{\"handling\":\"confirm\",\"visibility\":\"full\"}},\"version\":0}"))
			.build();
		expect(http.send(put, HttpResponse.BodyHandlers.ofString()), 200);
		return new Accounts(publisherId, publisher, users);
	}

	private String register(String username) throws IOException, InterruptedException {
		String json = "{\"username\":\"" + username + "\",\"displayName\":\"Bench " + username + "\",\"email\":\""
				+ username + "@example.org\",\"password\":\"" + PASSWORD + "\",\"timeZone\":\"UTC\"}";
		var post = HttpRequest.newBuilder(URI.create(base + "/api/v1/registrations"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
		return find(ID, expect(http.send(post, HttpResponse.BodyHandlers.ofString()), 201), "account id");
	}

	/** Signs in with the form and issues a token on the tokens page (shown there once). */
	private String token(String username) throws IOException, InterruptedException {
		String login = get("/login");
		form("/login", "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf="
				+ enc(find(CSRF, login, "csrf")));
		String tokens = get("/account/tokens");
		String issued = form("/account/tokens", "name=sip-bench&_csrf=" + enc(find(CSRF, tokens, "csrf")));
		return find(TOKEN, issued, "issued token").trim();
	}

	private String get(String path) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
		return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
	}

	private String form(String path, String body) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
	}

	private static String expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String find(Pattern pattern, String text, String what) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + what + " in: " + text.substring(0, Math.min(500, text.length())));
		}
		return m.group(1);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
