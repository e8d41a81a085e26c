package dev.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's side of its {@link LiveHolder} processes: pages are dealt to holders (at most {@code perHolder}
 * each, so no process needs more open files than the machine allows), commands go to all of them, and what they report
 * is gathered here: pages opened, failed and cut, chat messages arrived (by client id, on which page, when).
 */
final class LiveHolders implements AutoCloseable {

	/** The load processes' JVM options besides their heap (bench/live-bench.sh: {@code BENCH_LOAD_JVM_OPTIONS}). */
	static final String JVM_OPTIONS = System.getProperty("bench.load-jvm-options", "-XX:+UseSerialGC");

	/** A chat message seen on a page. */
	record Arrival(int page, long at) {
	}

	private final List<Process> processes = new ArrayList<>();
	private final List<PrintStream> inputs = new ArrayList<>();
	private final List<BlockingQueue<String>> answers = new ArrayList<>();
	private final int perHolder;
	final AtomicInteger opened = new AtomicInteger();
	final AtomicInteger reopened = new AtomicInteger();
	final AtomicInteger failed = new AtomicInteger();
	final AtomicInteger cut = new AtomicInteger();
	/** Answers 503 (the server's connect gate): the page tried again after its back-off, as live.js does. */
	final AtomicInteger busy = new AtomicInteger();
	final AtomicLong lastOpenedAt = new AtomicLong();
	final Map<String, List<Arrival>> messages = new ConcurrentHashMap<>();
	final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

	LiveHolders(int pages, int perHolder, int serverPort, Path logDir) throws IOException {
		this.perHolder = perHolder;
		int count = (pages + perHolder - 1) / perHolder;
		String classes = Path.of(LiveHolder.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
		for (int i = 0; i < count; i++) {
			var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
			if (!JVM_OPTIONS.isBlank()) {
				cmd.addAll(List.of(JVM_OPTIONS.trim().split("\\s+")));
			}
			cmd.addAll(List.of("-cp", classes, LiveHolder.class.getName(), "127.0.0.1", Integer.toString(serverPort)));
			Process p = new ProcessBuilder(cmd)
				.redirectError(logDir.resolve("holder-" + i + ".err").toFile()).start();
			processes.add(p);
			inputs.add(new PrintStream(p.getOutputStream(), false, StandardCharsets.US_ASCII));
			var queue = new LinkedBlockingQueue<String>();
			answers.add(queue);
			Thread reader = new Thread(() -> read(p, queue), "holder-" + i);
			reader.setDaemon(true);
			reader.start();
		}
	}

	int holders() {
		return processes.size();
	}

	private int holderOf(int page) {
		return page / perHolder;
	}

	void add(int page, String path, String cookie) {
		inputs.get(holderOf(page)).println("ADD " + page + " " + path + " " + cookie);
	}

	/** Opens pages from..to (inclusive), all holders together at {@code perSecond} in all. */
	void open(int from, int to, double perSecond, int maxOpening) {
		for (int h = 0; h < processes.size(); h++) {
			int lo = Math.max(from, h * perHolder);
			int hi = Math.min(to, (h + 1) * perHolder - 1);
			if (lo <= hi) {
				int share = hi - lo + 1;
				double rate = perSecond * share / (to - from + 1);
				inputs.get(h).println("OPEN " + lo + " " + hi + " " + Math.max(1, rate) + " "
						+ Math.max(10, maxOpening / processes.size()));
				inputs.get(h).flush();
			}
		}
		flush();
	}

	void flush() {
		inputs.forEach(PrintStream::flush);
	}

	/** Waits until {@code count} pages have opened (once each), or the time is up; true when they have. */
	boolean awaitOpened(int count, long seconds) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (opened.get() + failed.get() < count && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		return opened.get() >= count;
	}

	/** The pages every holder holds open now. */
	int openNow() throws InterruptedException {
		int open = 0;
		for (int h = 0; h < processes.size(); h++) {
			inputs.get(h).println("COUNT");
			inputs.get(h).flush();
			String a = answer(h, "COUNT");
			open += Integer.parseInt(a.replaceAll(".*open=(\\d+).*", "$1"));
		}
		return open;
	}

	/** The broadcast rounds' latencies in microseconds, and how many pages never saw a round's value. */
	long[] rounds(List<long[]> rounds, long[] missing) throws InterruptedException {
		if (rounds.isEmpty()) {
			return new long[0];
		}
		StringBuilder cmd = new StringBuilder("ROUNDS");
		rounds.forEach(r -> cmd.append(' ').append(r[0]).append(' ').append(r[1]));
		List<Long> all = new ArrayList<>();
		for (int h = 0; h < processes.size(); h++) {
			inputs.get(h).println(cmd);
			inputs.get(h).flush();
			while (true) {
				String a = answer(h, null);
				if (a.startsWith("ACK ROUNDS")) {
					break;
				}
				if (a.startsWith("LAT ")) {
					String[] w = a.split(" ");
					missing[0] += Long.parseLong(w[2]);
					for (int i = 3; i < w.length; i++) {
						all.add(Long.parseLong(w[i]));
					}
				}
			}
		}
		return all.stream().mapToLong(Long::longValue).toArray();
	}

	private String answer(int h, String prefix) throws InterruptedException {
		while (true) {
			String a = answers.get(h).poll(120, TimeUnit.SECONDS);
			if (a == null) {
				throw new IllegalStateException("holder " + h + " did not answer");
			}
			if (prefix == null || a.startsWith(prefix)) {
				return a;
			}
		}
	}

	private void read(Process p, BlockingQueue<String> queue) {
		try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
			String line;
			while ((line = in.readLine()) != null) {
				int sp = line.indexOf(' ');
				String kind = sp < 0 ? line : line.substring(0, sp);
				switch (kind) {
					case "OPENED" -> {
						opened.incrementAndGet();
						lastOpenedAt.accumulateAndGet(Long.parseLong(line.split(" ")[2]), Math::max);
					}
					case "REOPENED" -> reopened.incrementAndGet();
					case "FAILED" -> {
						failed.incrementAndGet();
						if (failures.size() < 10) {
							failures.add(line);
						}
					}
					case "CLOSED" -> cut.incrementAndGet();
					case "BUSY" -> busy.incrementAndGet();
					case "MSG" -> {
						String[] w = line.split(" ");
						messages.computeIfAbsent(w[3], k -> java.util.Collections.synchronizedList(new ArrayList<>()))
							.add(new Arrival(Integer.parseInt(w[1]), Long.parseLong(w[2])));
					}
					default -> queue.add(line);
				}
			}
		}
		catch (IOException e) {
			// the holder ended
		}
	}

	@Override
	public void close() throws InterruptedException {
		for (PrintStream in : inputs) {
			in.println("QUIT");
			in.flush();
		}
		for (Process p : processes) {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
			}
		}
	}
}
