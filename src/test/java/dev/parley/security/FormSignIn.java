package dev.parley.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/** Signs in through the real sign-in form over HTTP (session cookie and CSRF token included), no browser. */
final class FormSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern COOKIE = Pattern.compile("PARLEY_SESSION=([^;]+)");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	FormSignIn(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** Where the form sends the browser after this attempt (the Location of its redirect). */
	String attempt(String username, String password) {
		try {
			var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			var csrf = CSRF.matcher(page.body());
			var cookie = COOKIE.matcher(page.headers().firstValue("Set-Cookie").orElse(""));
			if (!csrf.find() || !cookie.find()) {
				throw new IllegalStateException("the sign-in page gave no CSRF token or session");
			}
			String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
			var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "PARLEY_SESSION=" + cookie.group(1))
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			return answer.headers().firstValue("Location").orElse("(status " + answer.statusCode() + ")");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The sign-in page at this address, as text. */
	String page(String location) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location : base + location))
				.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
