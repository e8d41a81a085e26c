package dev.parley.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One browser-like session on the pages of a running Parley over real HTTP: a cookie jar, sign-in with the form,
 * and form posts carrying the session's CSRF token as the pages' own forms do. Redirects are not followed, so a
 * test sees where an answer sends it.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	/** An answer: status, body, and where a redirect points (empty otherwise). */
	public record Page(int status, String body, String location) {
	}

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;

	private PageSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public static PageSession anonymous(int port) {
		return new PageSession(port);
	}

	/** A session signed in with the sign-in form, as {@code username} with {@link AccountFixtures#PASSWORD}. */
	public static PageSession signedIn(int port, String username) {
		var session = new PageSession(port);
		var answer = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(List.of("username", username, "password",
					AccountFixtures.PASSWORD, "_csrf", session.csrf("/login"))))));
		if (answer.status() != 302 || answer.location().contains("/login")) {
			throw new IllegalStateException("sign-in as " + username + " failed: " + answer.status() + " " + answer.location());
		}
		return session;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts the name/value pairs (a name may repeat, as ticked boxes do) with this session's CSRF token. */
	public Page post(String path, String... namesAndValues) {
		List<String> pairs = new ArrayList<>(List.of(namesAndValues));
		pairs.add("_csrf");
		pairs.add(csrf("/account/tokens"));
		return postWithout(path, pairs.toArray(String[]::new));
	}

	/** Posts the pairs with the CSRF token of the page at {@code formPage} (for a session not signed in). */
	public Page postFrom(String formPage, String path, String... namesAndValues) {
		List<String> pairs = new ArrayList<>(List.of(namesAndValues));
		pairs.add("_csrf");
		pairs.add(csrf(formPage));
		return postWithout(path, pairs.toArray(String[]::new));
	}

	/** Posts the pairs as they are: without a CSRF token unless they hold one. */
	public Page postWithout(String path, String... namesAndValues) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(List.of(namesAndValues)))));
	}

	/** Follows a redirect answer once. */
	public Page follow(Page redirect) {
		if (redirect.location().isEmpty()) {
			throw new IllegalStateException("not a redirect: " + redirect.status());
		}
		return get(URI.create(base).resolve(redirect.location()).getRawPath());
	}

	/** A CSRF token of this session, read from a page that carries one. */
	private String csrf(String page) {
		var matcher = CSRF.matcher(get(page).body());
		if (!matcher.find()) {
			throw new IllegalStateException(page + " holds no CSRF token");
		}
		return matcher.group(1);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			var answer = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
			return new Page(answer.statusCode(), answer.body(), answer.headers().firstValue("Location").orElse(""));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(List<String> namesAndValues) {
		var form = new StringBuilder();
		for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
			form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues.get(i), StandardCharsets.UTF_8))
				.append('=').append(URLEncoder.encode(namesAndValues.get(i + 1), StandardCharsets.UTF_8));
		}
		return form.toString();
	}
}
