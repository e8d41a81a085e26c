package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The event stream on its upgraded connection ({@link UpgradedChannel}): the head as a browser's EventSource and a
 * proxy read it (200, {@code text/event-stream}, not chunked, the body running to the connection's end), the frames as
 * they are; a browser that closes its end is dropped at once, without waiting for a write to fail; the server ending
 * a stream closes the connection; and the connection's buffers take a request with 8 KiB of headers as before. Raw
 * sockets, signed in with the form.
 */
@ParleyIntegrationTest
class LiveUpgradedStreamTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern CONNECTION = Pattern.compile("\"connection\":\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	LiveHub hub;

	final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		for (Socket s : sockets) {
			s.close();
		}
	}

	@Test
	void theStreamIsItsHeadThenTheFramesAsTheyAreUpToTheConnectionsEnd() throws Exception {
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		Socket s = stream(signIn(customer.username()));
		String head = readUntil(s, "\r\n\r\n");
		String lower = head.toLowerCase(Locale.ROOT);
		assertThat(head).startsWith("HTTP/1.1 200");
		assertThat(lower).contains("content-type: text/event-stream").contains("connection: close")
			.contains("cache-control: no-cache").doesNotContain("transfer-encoding").doesNotContain("content-length");
		String hello = readUntil(s, "\n\n");
		assertThat(hello).as("the first frame, unchunked").startsWith("event:hello\ndata:{\"connection\":\"");

		hub.sendToAccount(customer.id().value(), "ping", "{\"n\":1}");
		String frame;
		do {
			frame = readUntil(s, "\n\n"); // the page's own presence may come first
		}
		while (!frame.startsWith("event:ping"));
		assertThat(frame).isEqualTo("event:ping\ndata:{\"n\":1}\n\n");
	}

	@Test
	void aBrowserThatClosesItsEndIsDroppedAtOnce() throws Exception {
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		Socket s = stream(signIn(customer.username()));
		readUntil(s, "\r\n\r\n");
		readUntil(s, "\n\n");
		UUID id = customer.id().value();
		assertThat(hub.isConnected(id)).isTrue();
		s.close();
		// long before a keep-alive (20 s) would find the socket gone
		Eventually.value(Duration.ofSeconds(5), () -> hub.isConnected(id) ? null : true);
	}

	@Test
	void theServerEndingAStreamClosesItsConnection() throws Exception {
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		Socket s = stream(signIn(customer.username()));
		readUntil(s, "\r\n\r\n");
		Matcher m = CONNECTION.matcher(readUntil(s, "\n\n"));
		assertThat(m.find()).isTrue();
		hub.close(customer.id().value(), m.group(1));
		s.setSoTimeout(5_000);
		InputStream in = s.getInputStream();
		int b;
		do {
			b = in.read(); // a keep-alive could come first
		}
		while (b >= 0);
		assertThat(hub.isConnected(customer.id().value())).isFalse();
	}

	@Test
	void aRequestWithEightKibibytesOfHeadersIsStillServed() throws Exception {
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		String cookie = signIn(customer.username());
		// the cookie and an 8 KiB header of other cookies and a long header: what browsers send at most
		String filler = "x".repeat(7 * 1024);
		Socket s = new Socket("127.0.0.1", port);
		sockets.add(s);
		s.getOutputStream().write(("GET /customer HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
				+ "Cookie: " + cookie + "; other=" + filler + "\r\nX-Long: " + "y".repeat(512) + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		String head = readUntil(s, "\r\n\r\n");
		assertThat(head).startsWith("HTTP/1.1 200");
	}

	private Socket stream(String cookie) throws IOException {
		Socket s = new Socket("127.0.0.1", port);
		sockets.add(s);
		s.setSoTimeout(10_000);
		s.getOutputStream().write(("GET /live/presence?want=me HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
				+ "Cookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		s.getOutputStream().flush();
		return s;
	}

	/** The bytes up to and with the end mark (one at a time: what follows stays in the socket). */
	private static String readUntil(Socket s, String end) throws IOException {
		InputStream in = s.getInputStream();
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		try {
			while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				read.write(b);
			}
		}
		catch (SocketTimeoutException e) {
			throw new AssertionError("no '" + end.replace("\r", "\\r").replace("\n", "\\n") + "' after: " + read, e);
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	/** Signs in with the form; the session cookie. */
	private String signIn(String username) throws Exception {
		var cookies = new CookieManager();
		var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
		String base = "http://127.0.0.1:" + port;
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(login);
		assertThat(m.find()).as("sign-in form's CSRF token").isTrue();
		var done = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
					+ enc(AccountFixtures.PASSWORD) + "&_csrf=" + enc(m.group(1))))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(done.statusCode()).as("sign-in answer").isEqualTo(302);
		HttpCookie session = cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("PARLEY_SESSION")).findFirst().orElseThrow();
		return session.getName() + "=" + session.getValue();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
