package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error Parley answers is problem+json written for the client, nothing of the code's insides: paths the
 * servlet container refuses before Spring sees them (an encoded slash, an encoded NUL), paths the security
 * firewall refuses ({@code ..}, {@code ;}), a page form without its CSRF token, and the API's answers to a value
 * of the wrong type, a body that is not JSON, a missing parameter, a method or media type it does not take. The
 * paths go over a raw socket: HTTP clients normalise them.
 */
@ParleyIntegrationTest
class ErrorAnswersTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	record Raw(int status, String contentType, String body) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/me%2Fprofile", "/api/v1/status%00", "/customer%2Fprofile", "/%00",
			"/api/v1/../api/v1/status", "/api/v1/status;jsessionid=1", "/customer/..;/admin", "/api/v1/status/%2e%2e/x",
			"/css/no-such.css" })
	void aRefusedOrUnknownPathIsProblemJsonForAClientWithoutAccept(String path) throws Exception {
		for (String accept : new String[] { null, "*/*", "application/json" }) {
			Raw raw = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ (accept == null ? "" : "Accept: " + accept + "\r\n") + "Connection: close\r\n\r\n");
			assertThat(raw.status()).as(path + " " + accept + ": " + raw.body()).isBetween(400, 404);
			assertProblem(raw.contentType(), raw.body(), raw.status());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/me%2Fprofile", "/%00", "/api/v1/status;x=1", "/customer/..;/admin",
			"/css/no-such.css" })
	void aBrowserAskingForHtmlGetsAPlainParleyPage(String path) throws Exception {
		Raw raw = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html,*/*;q=0.8\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(raw.status()).isBetween(400, 404);
		assertThat(raw.contentType()).startsWith("text/html");
		assertThat(raw.body()).contains("Parley");
		assertNoInsides(raw.body());
	}

	@Test
	void aPageFormWithoutItsCsrfTokenIsProblemJson() throws Exception {
		String form = "name=x";
		Raw raw = raw("POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form);
		assertThat(raw.status()).isEqualTo(403);
		assertProblem(raw.contentType(), raw.body(), 403);
	}

	@Test
	void theApisOwnRefusalsNameNoJavaTypes() {
		var api = new ApiClient(port);
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);

		var mismatch = api.get("/api/v1/me/orders?page=first", me.token());
		assertThat(mismatch.status()).isEqualTo(400);
		assertProblem(mismatch.contentType(), mismatch.body(), 400);
		assertThat(mismatch.json().get("errors").get(0).get("field").asString()).isEqualTo("page");

		var notJson = api.put("/api/v1/me/demographics", me.token(), "{\"name\": ");
		assertThat(notJson.status()).isEqualTo(400);
		assertProblem(notJson.contentType(), notJson.body(), 400);

		var wrongShape = api.put("/api/v1/me/demographics", me.token(), "{\"name\": {\"first\": 1}, \"version\": 0}");
		assertThat(wrongShape.status()).isEqualTo(400);
		assertProblem(wrongShape.contentType(), wrongShape.body(), 400);
		assertThat(wrongShape.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

		var wrongEnum = api.post("/api/v1/me/interactions", me.token(), "{\"medium\": \"PIGEON\"}");
		assertThat(wrongEnum.status()).isEqualTo(400);
		assertProblem(wrongEnum.contentType(), wrongEnum.body(), 400);
		assertThat(wrongEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("medium");

		var method = api.delete("/api/v1/status", me.token());
		assertThat(method.status()).isEqualTo(405);
		assertProblem(method.contentType(), method.body(), 405);

		var media = api.send("PUT", "/api/v1/me/demographics", me.token(), "text/plain", "hello");
		assertThat(media.status()).isEqualTo(415);
		assertProblem(media.contentType(), media.body(), 415);
	}

	private static void assertProblem(String contentType, String body, int status) {
		assertThat(contentType).as(body).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("detail")).as(body).isTrue();
		assertNoInsides(body);
	}

	private static void assertNoInsides(String body) {
		String lower = body.toLowerCase(Locale.ROOT);
		for (String inside : new String[] { "java.", "jackson", "exception", "tomcat", "org.springframework",
				"`int`", "`long`", "dev.parley", "firewall", "stack", "class ", "servlet", "localdate", "uuid`",
				"\"trace\"", "\"timestamp\"" }) {
			assertThat(lower).as(body).doesNotContain(inside);
		}
	}

	private Raw raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String head = text.substring(0, end);
			String body = text.substring(end + 4);
			int status = Integer.parseInt(head.substring(9, 12));
			String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
				.map(l -> l.substring(13).strip()).findFirst().orElse("");
			if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				body = dechunk(body);
			}
			return new Raw(status, contentType,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}
	}

	private static String dechunk(String body) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (true) {
			int eol = body.indexOf("\r\n", at);
			int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
			if (size == 0) {
				return out.toString();
			}
			out.append(body, eol + 2, eol + 2 + size);
			at = eol + 2 + size + 2;
		}
	}
}
