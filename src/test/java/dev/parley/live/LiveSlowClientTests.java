package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * Browsers that stop reading (a laptop lid closed, a stalled network) hold up nobody else: their connections' socket
 * buffers fill while events keep coming, yet another page's event still arrives at once, and the stalled pages are
 * dropped when their outboxes overflow. Real event streams on raw sockets, signed in with the form.
 */
@ParleyIntegrationTest
class LiveSlowClientTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	LiveHub hub;

	@Autowired
	LiveSettings settings;

	final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		for (Socket s : sockets) {
			s.close();
		}
	}

	@Test
	void browsersThatStopReadingHoldUpNobodyElseAndAreDroppedWhenTheirOutboxesOverflow() throws Exception {
		Account stalled = AccountFixtures.account(identity, Role.CUSTOMER);
		Account reader = AccountFixtures.account(identity, Role.CUSTOMER);
		String stalledCookie = signIn(stalled.username());
		String readerCookie = signIn(reader.username());

		// more stalled pages than there are writer threads: each would hold a writer that waits for its browser
		int pages = settings.writers() + 2;
		for (int i = 0; i < pages; i++) {
			Socket s = new Socket();
			s.setReceiveBufferSize(2048); // a small window: the server's writes soon find the socket full
			s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			sockets.add(s);
			request(s, stalledCookie); // and never read a byte
		}
		Socket good = new Socket("127.0.0.1", port);
		sockets.add(good);
		BlockingQueue<String> heard = events(good, readerCookie);
		assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the reading page's stream says hello").isEqualTo("hello");
		Eventually.value(() -> hub.isConnected(stalled.id().value()) ? true : null);

		// about 16 MB for each stalled page, in events of 64 KB: far more than loopback's socket buffers hold, fewer
		// than the outbox's limit
		String bulk = "{\"text\":\"" + "x".repeat(64 * 1024) + "\"}";
		int events = Math.min(250, settings.outbox() - 4);
		UUID stalledId = stalled.id().value();
		for (int i = 0; i < events; i++) {
			hub.sendToAccount(stalledId, "bulk", bulk);
		}
		Thread.sleep(500); // the writers are at the stalled pages now

		long sent = System.nanoTime();
		hub.sendToAccount(reader.id().value(), "ping", "{\"n\":1}");
		String event;
		do {
			event = heard.poll(30, TimeUnit.SECONDS);
		}
		while (event != null && !event.equals("ping"));
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
		assertThat(event).as("the reading page gets its event").isEqualTo("ping");
		assertThat(millis).as("ms the reading page waited behind %d stalled ones", pages).isLessThan(1_000);

		// the stalled pages' outboxes overflow: they are dropped (their pages would reconnect and catch up)
		for (int i = 0; i < settings.outbox() + 8; i++) {
			hub.sendToAccount(stalledId, "bulk", bulk);
		}
		Eventually.value(Duration.ofSeconds(20), () -> hub.isConnected(stalledId) ? null : true);
		assertThat(hub.isConnected(reader.id().value())).as("the reading page stays").isTrue();
	}

	private static void request(Socket s, String cookie) throws IOException {
		s.getOutputStream().write(("GET /live/presence?want=me HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
				+ "Cookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		s.getOutputStream().flush();
	}

	/** The names of the events the stream brings, read on a thread of their own. */
	private static BlockingQueue<String> events(Socket s, String cookie) throws IOException {
		request(s, cookie);
		BlockingQueue<String> names = new LinkedBlockingQueue<>();
		var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
		Thread t = new Thread(() -> {
			try {
				String line;
				while ((line = in.readLine()) != null) {
					if (line.startsWith("event:")) {
						names.add(line.substring(6).strip());
					}
				}
			}
			catch (IOException closed) {
				// the test is over
			}
		}, "live-reader");
		t.setDaemon(true);
		t.start();
		return names;
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
