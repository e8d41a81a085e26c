package dev.parley.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parley as a child process for the live benchmark: its own JVM (the test's classpath, or {@code -jar} of another
 * build), on PostgreSQL with the schema emptied first, on a free port of 127.0.0.1, with the settings the load needs
 * (said in {@link #settings()}). Reads its heap after a full collection ({@code jcmd GC.run}, {@code GC.heap_info}),
 * its CPU time ({@code /proc/<pid>/stat}), resident memory and open files.
 */
final class LiveBenchServer implements AutoCloseable {

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	final int port;
	final String dbUrl;
	final Path dir;
	private final List<String> settings = new ArrayList<>();
	private Process process;

	LiveBenchServer(String dbUrl, Path dir) throws IOException {
		this.port = freePort();
		this.dbUrl = dbUrl;
		this.dir = dir;
	}

	/** Empties the database, starts Parley and waits until it answers. */
	void start(String jar, String heap, boolean jfr, List<String> extra) throws Exception {
		try (var c = DriverManager.getConnection(dbUrl, System.getProperty("bench.db-user", "postgres"), "");
				var s = c.createStatement()) {
			s.execute("DROP SCHEMA public CASCADE");
			s.execute("CREATE SCHEMA public");
		}
		settings.clear();
		settings.addAll(List.of("--spring.datasource.url=" + dbUrl, "--spring.datasource.username="
				+ System.getProperty("bench.db-user", "postgres"), "--spring.datasource.password=",
				"--parley.demo.enabled=false", "--parley.sip.enabled=false", "--server.address=127.0.0.1",
				"--server.port=" + port, "--server.tomcat.max-connections=30000", "--server.tomcat.accept-count=4096",
				"--logging.level.dev.parley.live=warn"));
		settings.addAll(extra);
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xms" + heap, "-Xmx" + heap));
		String jvmOptions = System.getProperty("bench.jvm-options", "");
		if (!jvmOptions.isBlank()) {
			cmd.addAll(List.of(jvmOptions.trim().split("\\s+")));
		}
		if (jfr) {
			cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve("parley.jfr") + ",settings=profile");
		}
		if (jar != null && !jar.isBlank()) {
			cmd.addAll(List.of("-jar", jar));
		}
		else {
			cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
					"dev.parley.ParleyApplication"));
		}
		cmd.addAll(settings);
		Files.createDirectories(dir);
		process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("parley.log").toFile()).start();
		HttpClient http = HttpClient.newHttpClient();
		long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < until) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Parley stopped; see " + dir.resolve("parley.log"));
			}
			try {
				var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Parley did not answer within 3 minutes");
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	long pid() {
		return process.pid();
	}

	List<String> settings() {
		return List.copyOf(settings);
	}

	/** Heap in use after a full collection, in bytes (two collections, so what the first freed is gone). */
	long heapAfterGc() throws Exception {
		jcmd("GC.run");
		jcmd("GC.run");
		Matcher m = USED.matcher(jcmd("GC.heap_info"));
		if (!m.find()) {
			throw new IllegalStateException("no heap figure from jcmd");
		}
		return Long.parseLong(m.group(1)) * 1024;
	}

	/** Instances and bytes per class of the live heap ({@code jcmd GC.class_histogram}, which collects first). */
	java.util.Map<String, long[]> histogram() throws Exception {
		java.util.Map<String, long[]> classes = new java.util.HashMap<>();
		for (String line : jcmd("GC.class_histogram").split("\n")) {
			String[] w = line.strip().split("\\s+");
			if (w.length >= 4 && w[0].endsWith(":")) {
				classes.put(w[3], new long[] { Long.parseLong(w[1]), Long.parseLong(w[2]) });
			}
		}
		return classes;
	}

	/** User plus system CPU time of the server so far, in clock ticks (1/100 s). */
	long cpuTicks() throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]);
	}

	long residentBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
			}
		}
		return -1;
	}

	int openFiles() {
		String[] fds = Path.of("/proc", Long.toString(pid()), "fd").toFile().list();
		return fds == null ? -1 : fds.length;
	}

	/** The server's soft limit of open files. */
	long openFilesLimit() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "limits"))) {
			if (line.startsWith("Max open files")) {
				return Long.parseLong(line.substring(26).strip().split("\\s+")[0]);
			}
		}
		return -1;
	}

	private String jcmd(String what) throws Exception {
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid()), what).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		p.waitFor(2, TimeUnit.MINUTES);
		return out;
	}

	@Override
	public void close() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	static int freePort() throws IOException {
		try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return s.getLocalPort();
		}
	}
}
