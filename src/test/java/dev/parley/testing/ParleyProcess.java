package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parley as a child process: {@code java -cp <this test's class path> dev.parley.ParleyApplication}, working in a
 * directory of its own (the default H2 URL, {@code ./data/parley}, then lies in it), HTTP and SIP on free loopback
 * ports that stay the same across restarts, its output in {@code parley-<n>.log} there. {@link #kill()} sends
 * SIGKILL: nothing in the process runs after it (no shutdown hook, no flush).
 */
public final class ParleyProcess implements AutoCloseable {

	private final Path dir;

	private final Map<String, String> environment;

	private final int httpPort = freePort();

	private final int sipPort = freePort();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private int starts;

	public ParleyProcess(Path dir, Map<String, String> environment) {
		this.dir = dir;
		this.environment = Map.copyOf(environment);
	}

	public int httpPort() {
		return httpPort;
	}

	public int sipPort() {
		return sipPort;
	}

	/** Starts Parley and waits until it answers ready (at most 3 minutes on a busy machine). */
	public void start() {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException("already running");
		}
		Path log = dir.resolve("parley-" + (++starts) + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", classPath(),
				"dev.parley.ParleyApplication"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf(k -> k.startsWith("PARLEY_") || k.startsWith("SPRING_"));
		builder.environment().putAll(Map.of("PARLEY_PORT", Integer.toString(httpPort), "PARLEY_ADDRESS", "127.0.0.1",
				"PARLEY_SIP_ADDRESS", "127.0.0.1", "PARLEY_SIP_PORT", Integer.toString(sipPort), "PARLEY_DEMO", "false"));
		builder.environment().putAll(environment);
		try {
			Files.createDirectories(dir);
			process = builder.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		awaitReady(log);
	}

	/** SIGKILL, and waits until the process is gone. */
	public void kill() {
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Parley did not die within 30 s of SIGKILL");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		kill();
	}

	private void awaitReady(Path log) {
		long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() < end) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Parley ended with " + process.exitValue() + " while starting:\n" + tail(log));
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(250);
		}
		kill();
		throw new IllegalStateException("Parley not ready within 3 minutes:\n" + tail(log));
	}

	/** The class path of the running tests (surefire names it; a plain JVM has it as java.class.path). */
	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A loopback port free for both TCP and UDP (SIP listens on both). */
	public static int freePort() {
		for (int i = 0; i < 50; i++) {
			try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
					DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
				return tcp.getLocalPort();
			}
			catch (IOException e) {
				// taken for one of the two: try another
			}
		}
		throw new IllegalStateException("no free port");
	}
}
