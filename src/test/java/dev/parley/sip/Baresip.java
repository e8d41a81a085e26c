package dev.parley.sip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs Debian's baresip headless as a softphone signed in to Parley: a temporary config directory (config,
 * accounts, contacts), SIP only on 127.0.0.1 and a free port, Parley as outbound proxy, REGISTER off, PUBLISH on,
 * no audio or video, a SUBSCRIBE per contact. Commands go to its stdin (the menu's long commands); its output, SIP
 * trace included, goes to a file. It ends by itself after {@link #LIFETIME} in any case; {@link #close()} quits it
 * (which un-PUBLISHes and un-SUBSCRIBEs) and kills it when it does not.
 */
final class Baresip implements AutoCloseable {

	static final Duration LIFETIME = Duration.ofSeconds(90);

	private final Process process;

	private final Path output;

	private final OutputStream commands;

	private Baresip(Process process, Path output) {
		this.process = process;
		this.output = output;
		this.commands = process.getOutputStream();
	}

	/** Signed in as {@code username}, through Parley at {@code sipPort}, watching {@code contacts} (SIP URIs). */
	static Baresip start(int sipPort, String username, String password, List<String> contacts) throws IOException {
		Path dir = Files.createTempDirectory("baresip-");
		Files.writeString(dir.resolve("config"), String.join("\n",
				"poll_method epoll",
				"sip_listen 127.0.0.1:" + listenPort(),
				"sip_trans_def udp",
				"module_path /usr/lib/baresip/modules",
				"module stdio.so",
				"module_app account.so",
				"module_app contact.so",
				"module_app menu.so",
				"module_app presence.so",
				"audio_player nothing",
				"audio_source nothing",
				"audio_alert nothing", ""));
		Files.writeString(dir.resolve("accounts"), "<sip:" + username + "@parley.local>;auth_pass=" + password
				+ ";outbound=\"sip:127.0.0.1:" + sipPort + "\";regint=0;pubint=600\n");
		Files.writeString(dir.resolve("contacts"),
				contacts.stream().map(c -> "<" + c + ">;presence=p2p").collect(Collectors.joining("\n", "", "\n")));
		Path output = dir.resolve("output.log");
		Process p = new ProcessBuilder(SipTool.BARESIP.binary().toString(), "-f", dir.toString(), "-s", "-t",
				Long.toString(LIFETIME.toSeconds())).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(output.toFile()).start();
		return new Baresip(p, output);
	}

	/**
	 * A port for baresip's own listener: free for UDP and TCP, and the one after it free for TCP too, since baresip
	 * listens for SIP over TLS on the next port (a taken one fails its start: "SIP/TLS transport failed").
	 */
	static int listenPort() {
		for (int i = 0; i < 50; i++) {
			int port = Sipp.freePort();
			try (java.net.ServerSocket next = new java.net.ServerSocket(port + 1, 1,
					java.net.InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// the TLS port is taken: try another pair
			}
		}
		throw new IllegalStateException("no two free ports in a row");
	}

	/** A long command of the menu, e.g. {@code presence_online}. */
	void command(String name) throws IOException {
		commands.write(("/" + name + "\n").getBytes(StandardCharsets.US_ASCII));
		commands.flush();
	}

	/** Everything it printed so far, colours taken out. */
	String output() {
		try {
			return Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1)
				.replaceAll("\u001B\\[[0-9;]*m", "") : "";
		}
		catch (IOException e) {
			return "";
		}
	}

	/** Waits until its output shows {@code what}; false after the timeout. */
	boolean awaitOutput(Predicate<String> what, Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < until) {
			if (what.test(output())) {
				return true;
			}
			Thread.sleep(100);
		}
		return what.test(output());
	}

	@Override
	public void close() throws InterruptedException {
		try {
			command("quit");
		}
		catch (IOException e) {
			// gone already
		}
		if (!process.waitFor(5, TimeUnit.SECONDS)) {
			process.destroy();
			if (!process.waitFor(2, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
			}
		}
	}
}
