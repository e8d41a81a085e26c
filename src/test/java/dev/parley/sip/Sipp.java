package dev.parley.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs sipp (Debian's sip-tester) against Parley: a scenario from src/test/resources/sipp with
 * {@code @name@} placeholders filled in, bound to 127.0.0.1, with hard limits (-timeout, -m), its messages
 * traced to a file. The exit code says whether every call passed (0).
 */
final class Sipp {

	static final Path BINARY = SipTool.SIPP.binary();

	record Result(int exit, String messages, String screen) {
		boolean passed() {
			return exit == 0;
		}

		@Override
		public String toString() {
			return "sipp exit " + exit + "\n--- screen ---\n" + screen + "\n--- messages ---\n" + messages;
		}
	}

	private final int sipPort;

	private final List<String> extra = new ArrayList<>();

	private String transport = "u1";

	private String service = "nobody";

	private int calls = 1;

	private int timeoutSeconds = 20;

	Sipp(int sipPort) {
		this.sipPort = sipPort;
	}

	Sipp tcp() {
		transport = "t1";
		return this;
	}

	Sipp service(String user) {
		service = user;
		return this;
	}

	Sipp auth(String user, String password) {
		extra.addAll(List.of("-au", user, "-ap", password));
		return this;
	}

	/** Gives the whole run longer than the usual 20 s (a scenario that outlives a restart of Parley). */
	Sipp timeout(int seconds) {
		timeoutSeconds = seconds;
		return this;
	}

	Sipp calls(int count, int ratePerSecond) {
		calls = count;
		extra.addAll(List.of("-r", Integer.toString(ratePerSecond), "-l", Integer.toString(count)));
		return this;
	}

	/** Runs the scenario to its end (at most its timeout and 10 s). */
	Result run(String scenario, Map<String, String> values) {
		try {
			return start(scenario, values).await();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Running start(String scenario, Map<String, String> values) throws IOException {
		Path dir = Files.createTempDirectory("sipp-");
		Path xml = dir.resolve(scenario);
		Files.writeString(xml, fill(read(scenario), values));
		Path messages = dir.resolve("messages.log");
		Path screen = dir.resolve("screen.log");
		List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "127.0.0.1:" + sipPort, "-sf", xml.toString(),
				"-i", "127.0.0.1", "-p", Integer.toString(freePort()), "-t", transport, "-s", service, "-m",
				Integer.toString(calls), "-timeout", timeoutSeconds + "s", "-timeout_error", "-nostdin", "-trace_msg",
				"-message_file", messages.toString(), "-max_recv_loops", "1000"));
		cmd.addAll(extra);
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(screen.toFile()).start();
		return new Running(p, messages, screen, timeoutSeconds + 10);
	}

	record Running(Process process, Path messages, Path screen, int limitSeconds) {
		Result await() throws IOException {
			try {
				if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					process.waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return new Result(process.isAlive() ? -1 : process.exitValue(), text(messages), text(screen));
		}

		String messagesSoFar() {
			return text(messages);
		}
	}

	private static String text(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException e) {
			return "";
		}
	}

	private static String read(String scenario) throws IOException {
		try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
			if (in == null) {
				throw new IOException("no scenario " + scenario);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String fill(String text, Map<String, String> values) {
		for (Map.Entry<String, String> e : values.entrySet()) {
			text = text.replace("@" + e.getKey() + "@", e.getValue());
		}
		return text;
	}

	/** A port free for both UDP and TCP on loopback. */
	static int freePort() {
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
