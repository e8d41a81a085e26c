package dev.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under the live channel's figures on this machine: the live benchmark's fan-out with nothing of Parley in
 * it. This process accepts {@code pages} loopback connections held by child processes (one selector thread each, at
 * most {@code perHolder} connections, as the live benchmark's {@link LiveHolder}s hold pages), then once a second
 * writes one frame of {@code frameBytes} to every connection from {@code writers} threads in batches of 128 (as
 * Parley's writers do), while one more thread writes a frame to one connection chosen at random {@code singles}
 * times a second (a chat message's push, written at once). The children stamp each frame's arrival; the times from
 * the write's start ({@code System.nanoTime()}, one clock for every process of the machine) are what no channel on
 * this machine can beat with its load generator beside it: the kernel's loopback path for every write and read, and
 * the scheduling of both sides on the same cores.
 * <pre>
 * java -cp target/test-classes dev.parley.bench.FanOutFloor [pages 19000] [writers 4] [rounds 20] [frameBytes 300]
 *     [perHolder 2500] [singles 20]
 * </pre>
 * Prints lines starting with FLOOR. Kept out of {@code mvn verify} (a main, not a test); bench/fanout-floor.sh runs it.
 */
public final class FanOutFloor {

	private static final int BATCH = 128;
	private static final byte BROADCAST = 'B';
	private static final byte SINGLE = 'S';
	private static final int WARMUP_ROUNDS = 3;

	private FanOutFloor() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("holder")) {
			holder(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			return;
		}
		int pages = arg(args, 0, 19_000);
		int writers = arg(args, 1, 4);
		int rounds = arg(args, 2, 20);
		int frameBytes = arg(args, 3, 300);
		int perHolder = arg(args, 4, 2_500);
		int singles = arg(args, 5, 20);
		run(pages, writers, rounds, frameBytes, perHolder, singles);
	}

	private static int arg(String[] args, int i, int otherwise) {
		return args.length > i ? Integer.parseInt(args[i]) : otherwise;
	}

	// ---- the server's side: accept, then write

	private static void run(int pages, int writers, int rounds, int frameBytes, int perHolder, int singles)
			throws Exception {
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress("127.0.0.1", 0), 8_192);
		Holders holders = new Holders(((InetSocketAddress) server.getLocalAddress()).getPort(), pages, perHolder);
		SocketChannel[] connections = new SocketChannel[pages];
		for (int i = 0; i < pages; i++) {
			SocketChannel c = server.accept();
			c.configureBlocking(false);
			c.setOption(StandardSocketOptions.TCP_NODELAY, true); // as Tomcat's connector
			connections[i] = c;
		}
		holders.awaitReady();
		System.out.printf("FLOOR pages=%d held=%d holders=%d writers=%d frame=%d bytes singles=%d/s rounds=%d%n", pages,
				connections.length, holders.count(), writers, frameBytes, singles, rounds);

		ExecutorService pool = Executors.newFixedThreadPool(writers);
		AtomicLong shortWrites = new AtomicLong();
		Singles single = new Singles(connections, singles, frameBytes, shortWrites);
		long[] lastWriteMicros = new long[rounds];
		CpuMark before = null;
		for (int r = -WARMUP_ROUNDS; r < rounds; r++) {
			if (r == 0) {
				holders.reset();
				Thread.sleep(200);
				before = CpuMark.now(holders.processes());
				single.start();
			}
			long start = System.nanoTime();
			broadcast(pool, connections, frame(BROADCAST, start, frameBytes), shortWrites);
			if (r >= 0) {
				lastWriteMicros[r] = (System.nanoTime() - start) / 1_000;
			}
			Thread.sleep(Math.max(1, (start + 1_000_000_000L - System.nanoTime()) / 1_000_000));
		}
		single.finish();
		Thread.sleep(500); // the last frames arrive
		CpuMark after = CpuMark.now(holders.processes());

		List<Long> broadcasts = new ArrayList<>();
		List<Long> singlesSeen = new ArrayList<>();
		holders.collect(broadcasts, singlesSeen);
		holders.quit();
		pool.shutdownNow();
		for (SocketChannel c : connections) {
			c.close();
		}
		server.close();
		report((long) rounds * pages, broadcasts, lastWriteMicros, singlesSeen, single.sent(), shortWrites.get(),
				before, after);
	}

	/** Writes the frame to every connection, from the pool's threads in batches of {@value #BATCH}. */
	private static void broadcast(ExecutorService pool, SocketChannel[] connections, ByteBuffer frame,
			AtomicLong shortWrites) throws InterruptedException {
		CountDownLatch done = new CountDownLatch((connections.length + BATCH - 1) / BATCH);
		for (int from = 0; from < connections.length; from += BATCH) {
			int f = from;
			int to = Math.min(connections.length, from + BATCH);
			pool.execute(() -> {
				for (int i = f; i < to; i++) {
					write(connections[i], frame.duplicate(), shortWrites);
				}
				done.countDown();
			});
		}
		done.await();
	}

	private static void report(long expected, List<Long> broadcasts, long[] lastWriteMicros, List<Long> singles,
			int singlesSent, long shortWrites, CpuMark before, CpuMark after) {
		int rounds = lastWriteMicros.length;
		Arrays.sort(lastWriteMicros);
		long wall = after.wall - before.wall;
		long cpu = after.cpu - before.cpu;
		System.out.printf("FLOOR broadcast: %d of %d arrived, p50 %.1f ms, p99 %.1f ms, max %.1f ms; the last write of a"
				+ " round ended after p50 %.1f ms, max %.1f ms%n", broadcasts.size(), expected, pct(broadcasts, 50),
				pct(broadcasts, 99), pct(broadcasts, 100), lastWriteMicros[rounds / 2] / 1_000.0,
				lastWriteMicros[rounds - 1] / 1_000.0);
		System.out.printf("FLOOR single viewer (during the rounds): %d of %d arrived, p50 %.2f ms, p99 %.2f ms, max %.1f"
				+ " ms%n", singles.size(), singlesSent, pct(singles, 50), pct(singles, 99), pct(singles, 100));
		System.out.printf("FLOOR short writes (socket full): %d%n", shortWrites);
		System.out.printf("FLOOR CPU over the rounds, %% of one core: writer process %.0f%%, holder processes %.0f%%;"
				+ " %.1f µs of writer CPU per frame written%n", 100.0 * cpu / wall,
				100.0 * (after.childCpu - before.childCpu) / wall, cpu / 1_000.0 / (expected + singlesSent));
		System.out.printf("FLOOR in the kernel: %.0f%% of the writer process's CPU, %.0f%% of the holders'%n",
				share(after.ticks[1] - before.ticks[1], after.ticks[0] - before.ticks[0]),
				share(after.childTicks[1] - before.childTicks[1], after.childTicks[0] - before.childTicks[0]));
	}

	/** The load processes: launched with their share of the connections, told what to do, asked for their stamps. */
	private static final class Holders {

		private final List<Process> processes = new ArrayList<>();
		private final List<PrintStream> inputs = new ArrayList<>();
		private final List<BufferedReader> outputs = new ArrayList<>();

		Holders(int port, int pages, int perHolder) throws IOException, java.net.URISyntaxException {
			String classes = Path.of(FanOutFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
			String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			for (int from = 0; from < pages; from += perHolder) {
				int count = Math.min(perHolder, pages - from);
				Process p = new ProcessBuilder(javaBin, "-Xmx1g", "-XX:+UseSerialGC", "-cp", classes,
						FanOutFloor.class.getName(), "holder", Integer.toString(port), Integer.toString(count))
					.redirectError(ProcessBuilder.Redirect.INHERIT)
					.start();
				processes.add(p);
				inputs.add(new PrintStream(p.getOutputStream(), true, StandardCharsets.US_ASCII));
				outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)));
			}
		}

		int count() {
			return processes.size();
		}

		List<Process> processes() {
			return processes;
		}

		void awaitReady() throws IOException {
			for (BufferedReader out : outputs) {
				String line = out.readLine();
				if (!"READY".equals(line)) {
					throw new IllegalStateException("a holder said " + line + ", not READY");
				}
			}
		}

		void reset() {
			inputs.forEach(in -> in.println("RESET"));
		}

		/** Every arrival's microseconds since its write started, broadcast frames and single ones apart. */
		void collect(List<Long> broadcasts, List<Long> singles) throws IOException {
			for (int i = 0; i < processes.size(); i++) {
				inputs.get(i).println("DUMP");
				String line;
				while (!(line = outputs.get(i).readLine()).equals("END")) {
					String[] parts = line.split(" ");
					(parts[0].equals("B") ? broadcasts : singles).add(Long.parseLong(parts[1]));
				}
			}
		}

		void quit() throws InterruptedException {
			inputs.forEach(in -> in.println("QUIT"));
			for (Process p : processes) {
				p.waitFor(10, TimeUnit.SECONDS);
				p.destroy();
			}
		}
	}

	/** A thread writing a frame to one connection at random, {@code perSecond} times a second, until finished. */
	private static final class Singles extends Thread {

		private final SocketChannel[] connections;
		private final int perSecond;
		private final int frameBytes;
		private final AtomicLong shortWrites;
		private final AtomicBoolean stop = new AtomicBoolean();
		private final AtomicInteger sent = new AtomicInteger();

		Singles(SocketChannel[] connections, int perSecond, int frameBytes, AtomicLong shortWrites) {
			super("single");
			this.connections = connections;
			this.perSecond = perSecond;
			this.frameBytes = frameBytes;
			this.shortWrites = shortWrites;
		}

		@Override
		public void run() {
			if (perSecond <= 0) {
				return;
			}
			long every = 1_000_000_000L / perSecond;
			long next = System.nanoTime();
			while (!stop.get()) {
				next += every;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				if (stop.get()) {
					break;
				}
				SocketChannel c = connections[ThreadLocalRandom.current().nextInt(connections.length)];
				write(c, frame(SINGLE, System.nanoTime(), frameBytes), shortWrites);
				sent.incrementAndGet();
			}
		}

		void finish() throws InterruptedException {
			stop.set(true);
			join();
		}

		int sent() {
			return sent.get();
		}
	}

	/** The processor time of this process and of the holders at one instant. */
	private record CpuMark(long wall, long cpu, long childCpu, long[] ticks, long[] childTicks) {

		static CpuMark now(List<Process> children) {
			var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			return new CpuMark(System.nanoTime(), os.getProcessCpuTime(), FanOutFloor.childCpu(children),
					FanOutFloor.ticks(ProcessHandle.current().pid()), FanOutFloor.childTicks(children));
		}
	}

	private static long childCpu(List<Process> children) {
		long nanos = 0;
		for (Process p : children) {
			nanos += p.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		}
		return nanos;
	}

	/** A process's user and system time in clock ticks (Linux: /proc/PID/stat); zeros where there is none. */
	private static long[] ticks(long pid) {
		try {
			String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(f[11]), Long.parseLong(f[12]) }; // utime, stime: fields 14 and 15
		}
		catch (IOException | RuntimeException e) {
			return new long[2];
		}
	}

	private static long[] childTicks(List<Process> children) {
		long[] sum = new long[2];
		for (Process p : children) {
			long[] t = ticks(p.pid());
			sum[0] += t[0];
			sum[1] += t[1];
		}
		return sum;
	}

	private static double share(long system, long user) {
		return system + user == 0 ? Double.NaN : 100.0 * system / (system + user);
	}

	private static ByteBuffer frame(byte kind, long stamp, int size) {
		byte[] head = (((char) kind) + " " + stamp + " ").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer b = ByteBuffer.allocateDirect(Math.max(size, head.length + 1));
		b.put(head);
		while (b.remaining() > 1) {
			b.put((byte) 'x');
		}
		b.put((byte) '\n');
		b.flip();
		return b;
	}

	private static void write(SocketChannel c, ByteBuffer frame, AtomicLong shortWrites) {
		try {
			c.write(frame);
			if (frame.hasRemaining()) {
				shortWrites.incrementAndGet();
			}
		}
		catch (IOException e) {
			shortWrites.incrementAndGet();
		}
	}

	private static double pct(List<Long> values, double p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		long[] a = values.stream().mapToLong(Long::longValue).sorted().toArray();
		int i = (int) Math.min(a.length - 1, Math.ceil(p / 100.0 * a.length) - 1);
		return a[Math.max(0, i)] / 1_000.0;
	}

	// ---- a holder's side: connect, then read and stamp

	private static void holder(int port, int count) throws IOException {
		Selector selector = Selector.open();
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
		for (int i = 0; i < count; i++) {
			SocketChannel c = SocketChannel.open(address); // blocking connect, then non-blocking reads
			c.configureBlocking(false);
			c.register(selector, SelectionKey.OP_READ, new byte[0]);
		}
		PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
				StandardCharsets.US_ASCII);
		out.println("READY");
		out.flush();
		ConcurrentLinkedQueue<String> commands = new ConcurrentLinkedQueue<>();
		Thread reader = new Thread(() -> {
			try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
				String line;
				while ((line = in.readLine()) != null) {
					commands.add(line);
					selector.wakeup();
				}
			}
			catch (IOException e) {
				// the parent went away
			}
			commands.add("QUIT");
			selector.wakeup();
		}, "commands");
		reader.setDaemon(true);
		reader.start();

		long[] broadcast = new long[1 << 16];
		int broadcasts = 0;
		long[] singles = new long[1 << 10];
		int singleCount = 0;
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		while (true) {
			selector.select(50);
			long at = System.nanoTime();
			for (SelectionKey key : selector.selectedKeys()) {
				SocketChannel c = (SocketChannel) key.channel();
				buffer.clear();
				int n = c.read(buffer);
				if (n < 0) {
					key.cancel();
					c.close();
					continue;
				}
				byte[] carried = (byte[]) key.attachment();
				byte[] data = new byte[carried.length + n];
				System.arraycopy(carried, 0, data, 0, carried.length);
				System.arraycopy(buffer.array(), 0, data, carried.length, n);
				int lineStart = 0;
				for (int i = 0; i < data.length; i++) {
					if (data[i] == '\n') {
						byte kind = data[lineStart];
						long stamp = stamp(data, lineStart + 2);
						long micros = (at - stamp) / 1_000;
						if (kind == BROADCAST) {
							if (broadcasts == broadcast.length) {
								broadcast = Arrays.copyOf(broadcast, broadcasts * 2);
							}
							broadcast[broadcasts++] = micros;
						}
						else {
							if (singleCount == singles.length) {
								singles = Arrays.copyOf(singles, singleCount * 2);
							}
							singles[singleCount++] = micros;
						}
						lineStart = i + 1;
					}
				}
				key.attach(Arrays.copyOfRange(data, lineStart, data.length));
			}
			selector.selectedKeys().clear();
			String command;
			while ((command = commands.poll()) != null) {
				switch (command) {
					case "RESET" -> {
						broadcasts = 0;
						singleCount = 0;
					}
					case "DUMP" -> {
						for (int i = 0; i < broadcasts; i++) {
							out.print("B ");
							out.println(broadcast[i]);
						}
						for (int i = 0; i < singleCount; i++) {
							out.print("S ");
							out.println(singles[i]);
						}
						out.println("END");
						out.flush();
					}
					default -> {
						return;
					}
				}
			}
		}
	}

	private static long stamp(byte[] data, int from) {
		long v = 0;
		for (int i = from; i < data.length && data[i] >= '0' && data[i] <= '9'; i++) {
			v = v * 10 + (data[i] - '0');
		}
		return v;
	}
}
