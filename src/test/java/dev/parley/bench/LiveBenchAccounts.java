package dev.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts of the live benchmark, made as cheaply as honesty allows: an administrator by SQL (Parley has no
 * first-administrator setup without the demo data), who signs in with the form and takes an API token from the tokens
 * page; a group open round the clock (its row by SQL, its hours through the admin API), a chat queue and the agents
 * through the admin API; one customer through the registration API, cloned by SQL (every column of her
 * {@code accounts} and {@code customers} rows, new ids and usernames). Every bench account's password hash is then
 * replaced by one bcrypt hash of cost 4 ({@code {bcrypt}$2a$04$...}; the encoder reads the cost from the hash), so that thousands of
 * real form sign-ins cost little CPU: the sign-ins are the page's own (GET /login for the CSRF token, POST /login).
 */
final class LiveBenchAccounts {

	static final String PASSWORD = "bench-live-pass-1";
	static final String GROUP = "bench";
	static final String QUEUE = "bench";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern TOKEN = Pattern.compile("id=\"new-token\"[^>]*>([^<]+)<");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A signed-in account: its username, id, the page's session cookie, and an API token if it acts. */
	static final class Account {
		final String username;
		UUID id;
		String cookie;
		String token;

		Account(String username) {
			this.username = username;
		}
	}

	private final String base;
	private final String dbUrl;
	private final String dbUser;
	final HttpClient http;
	String adminToken;

	LiveBenchAccounts(String base, String dbUrl, String dbUser) {
		this.base = base;
		this.dbUrl = dbUrl;
		this.dbUser = dbUser;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4, r -> {
				Thread t = new Thread(r, "bench-http");
				t.setDaemon(true);
				return t;
			})).build();
	}

	/** The administrator, the group and the queue. */
	void center() throws Exception {
		var admin = new Account("bench-admin");
		try (Connection c = db(); var s = c.prepareStatement("""
				INSERT INTO accounts (id, username, username_key, password_hash, display_name, role, enabled, created_at)
				VALUES (?, ?, ?, ?, 'Bench Administrator', 'ADMIN', TRUE, CURRENT_TIMESTAMP)""")) {
			s.setObject(1, UUID.randomUUID());
			s.setString(2, admin.username);
			s.setString(3, admin.username);
			s.setString(4, lowCostHash());
			s.executeUpdate();
		}
		signIn(admin);
		adminToken = token(admin);
		try (Connection c = db(); var s = c.createStatement()) {
			s.executeUpdate("INSERT INTO agent_groups (group_key, name, time_zone, version) VALUES ('" + GROUP
					+ "', 'Bench', 'UTC', 0)");
			s.executeUpdate("INSERT INTO agent_group_media (group_key, medium) VALUES ('" + GROUP + "', 'CHAT')");
		}
		StringBuilder hours = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.append(hours.isEmpty() ? "" : ",").append("{\"dayOfWeek\":\"").append(day)
				.append("\",\"open\":\"00:00\",\"close\":\"24:00\"}");
		}
		api("PUT", "/api/v1/admin/agent-groups/" + GROUP + "/opening-hours", adminToken,
				"{\"timeZone\":\"UTC\",\"hours\":[" + hours + "],\"closures\":[],\"version\":0}", 200);
		api("POST", "/api/v1/admin/queues", adminToken, "{\"key\":\"" + QUEUE + "\",\"name\":\"Bench\",\"groupKey\":\""
				+ GROUP + "\",\"media\":[\"chat\"],\"strategy\":\"longest-idle\",\"priority\":0,\"offerTimeoutSeconds\":60,"
				+ "\"maxMissedOffers\":3,\"wrapUpSeconds\":60,\"serviceLevelSeconds\":20,\"defaultQueue\":true}", 201);
	}

	/** Hires the agents through the admin API (two at a time). */
	List<Account> agents(int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Account>> hired = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = "bench-agent-" + i;
			hired.add(pool.submit(() -> {
				var a = new Account(name);
				String body = api("POST", "/api/v1/admin/agents", adminToken, "{\"username\":\"" + name
						+ "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Agent " + name + "\",\"groupKey\":\""
						+ GROUP + "\",\"skills\":[],\"media\":[\"CHAT\"]}", 201);
				a.id = UUID.fromString(JSON.readTree(body).get("id").asString());
				return a;
			}));
		}
		List<Account> agents = new ArrayList<>();
		for (var f : hired) {
			agents.add(f.get());
		}
		pool.shutdown();
		return agents;
	}

	/** One customer registered through the API, then cloned by SQL to {@code count} in all. */
	List<Account> customers(int count) throws Exception {
		String first = "bench-c-0";
		String body = api("POST", "/api/v1/registrations", null, "{\"username\":\"" + first
				+ "\",\"displayName\":\"Bench customer 0\",\"email\":\"" + first + "@example.org\",\"password\":\""
				+ PASSWORD + "\",\"timeZone\":\"UTC\"}", 201);
		UUID template = UUID.fromString(JSON.readTree(body).get("id").asString());
		try (Connection c = db()) {
			clone(c, "accounts", template, count, "id", java.util.Map.of("username", "'bench-c-' || n",
					"username_key", "'bench-c-' || n", "display_name", "'Bench customer ' || n"));
			// registered_email is unique (one account per address); an older build's schema has no such column
			clone(c, "customers", template, count, "id", java.util.Map.of("display_name", "'Bench customer ' || n",
					"registered_email", "'bench-c-' || n || '@example.org'"));
		}
		List<Account> customers = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			var a = new Account("bench-c-" + n);
			a.id = n == 0 ? template : cloneId(n);
			customers.add(a);
		}
		return customers;
	}

	/** Every bench account gets the same cost-4 hash of the same password. */
	void cheapSignIns() throws Exception {
		try (Connection c = db(); var s = c.prepareStatement("UPDATE accounts SET password_hash = ? WHERE username LIKE 'bench-%'")) {
			s.setString(1, lowCostHash());
			s.executeUpdate();
		}
	}

	/** The form sign-in of a page: GET /login (session and CSRF token), POST /login; keeps the new session cookie. */
	void signIn(Account a) throws IOException, InterruptedException {
		var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = cookie(login);
		var done = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(a.username) + "&password=" + enc(PASSWORD)
					+ "&_csrf=" + enc(find(CSRF, login.body(), "CSRF token"))))
			.build(), HttpResponse.BodyHandlers.discarding());
		String where = done.headers().firstValue("Location").orElse("");
		if (done.statusCode() != 302 || where.contains("error")) {
			throw new IllegalStateException("sign-in of " + a.username + " answered " + done.statusCode() + " " + where);
		}
		a.cookie = done.headers().firstValue("Set-Cookie").isPresent() ? cookie(done) : cookie;
	}

	/** An API token from the tokens page (the form, then the page it redirects to, which shows it once). */
	String token(Account a) throws IOException, InterruptedException {
		var page = http.send(HttpRequest.newBuilder(URI.create(base + "/account/tokens")).header("Cookie", a.cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
		var posted = http.send(HttpRequest.newBuilder(URI.create(base + "/account/tokens")).header("Cookie", a.cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("name=bench&_csrf=" + enc(find(CSRF, page.body(), "CSRF token"))))
			.build(), HttpResponse.BodyHandlers.discarding());
		var shown = http.send(HttpRequest.newBuilder(URI.create(base + posted.headers().firstValue("Location")
			.map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse("/account/tokens"))).header("Cookie", a.cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
		a.token = find(TOKEN, shown.body(), "issued token").strip();
		return a.token;
	}

	String api(String method, String path, String token, String json, int expected)
			throws IOException, InterruptedException {
		var r = http.send(request(method, path, token, json), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	HttpRequest request(String method, String path, String token, String json) {
		var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.build();
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/** Copies the template's row {@code count - 1} times: every column as it is, but the id and the overrides. */
	private static void clone(Connection c, String table, UUID template, int count, String idColumn,
			java.util.Map<String, String> overrides) throws SQLException {
		List<String> columns = columns(c, table);
		List<String> values = new ArrayList<>();
		for (String col : columns) {
			values.add(col.equals(idColumn) ? "md5('bench-c-' || n)::uuid" : overrides.getOrDefault(col, "t." + col));
		}
		String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
				+ " FROM " + table + " t, generate_series(1, " + (count - 1) + ") AS n WHERE t." + idColumn + " = ?";
		try (var s = c.prepareStatement(sql)) {
			s.setObject(1, template);
			s.executeUpdate();
		}
	}

	private static List<String> columns(Connection c, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (var s = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = "
				+ "current_schema() AND table_name = ? ORDER BY ordinal_position")) {
			s.setString(1, table);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	private static UUID cloneId(int n) throws Exception {
		byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(("bench-c-" + n).getBytes(StandardCharsets.UTF_8));
		long hi = 0;
		long lo = 0;
		for (int i = 0; i < 8; i++) {
			hi = (hi << 8) | (md5[i] & 0xff);
			lo = (lo << 8) | (md5[8 + i] & 0xff);
		}
		return new UUID(hi, lo);
	}

	private static String lowCostHash() {
		return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
	}

	private Connection db() throws SQLException {
		return DriverManager.getConnection(dbUrl, dbUser, "");
	}

	private static String cookie(HttpResponse<?> r) {
		String set = r.headers().firstValue("Set-Cookie")
			.orElseThrow(() -> new IllegalStateException(r.uri() + " set no session cookie"));
		return set.split(";", 2)[0];
	}

	private static String find(Pattern p, String text, String what) {
		Matcher m = p.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + what + " in: " + text.substring(0, Math.min(300, text.length())));
		}
		return m.group(1);
	}

	private static String enc(String v) {
		return URLEncoder.encode(v, StandardCharsets.UTF_8);
	}
}
