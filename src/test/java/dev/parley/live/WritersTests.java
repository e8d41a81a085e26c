package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.identity.Role;

/**
 * The writers' fan-out: a broadcast is written in batches shared by all writers, yet every page gets every event of
 * several broadcasts in the order they were made, the last (partial) batch included, and a broken page is handed back
 * to be closed without holding up the others.
 */
class WritersTests {

	/** A browser that takes every frame at once, recording it; or one whose wire broke. */
	static final class Recording implements Channel {
		final List<String> received = new ArrayList<>();
		final boolean broken;

		Recording(boolean broken) {
			this.broken = broken;
		}

		@Override
		public synchronized void send(Frame frame) throws java.io.IOException {
			if (broken) {
				throw new java.io.IOException("connection reset");
			}
			received.add(frame.data());
		}

		synchronized List<String> received() {
			return List.copyOf(received);
		}

		@Override
		public void close() {
		}
	}

	final Writers writers = new Writers(3);

	@AfterEach
	void stop() {
		writers.shutdown();
	}

	@Test
	void everyPageGetsEveryBroadcastInOrderIncludingTheLastPartialBatch() throws Exception {
		int pages = Writers.BATCH * 7 + 5;
		List<Recording> channels = new ArrayList<>();
		List<LiveConnection> connections = new ArrayList<>();
		for (int i = 0; i < pages; i++) {
			Recording ch = new Recording(i == 300);
			channels.add(ch);
			connections.add(connection(ch));
		}
		var failed = new ConcurrentLinkedQueue<LiveConnection>();
		for (int b = 0; b < 20; b++) {
			Frame f = Frame.of("message", "b" + b);
			for (LiveConnection c : connections) {
				assertThat(c.enqueue(f, null, 256)).isTrue();
			}
			writers.writeAll(connections, failed::add);
		}
		List<String> expected = IntStream.range(0, 20).mapToObj(b -> "b" + b).toList();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < end && !allGot(channels, expected.size())) {
			Thread.sleep(10);
		}
		for (int i = 0; i < pages; i++) {
			if (i == 300) {
				continue;
			}
			assertThat(channels.get(i).received()).as("page %d", i).containsExactlyElementsOf(expected);
		}
		assertThat(failed).as("the broken page is handed back to be closed").contains(connections.get(300))
			.allMatch(c -> c == connections.get(300));
	}

	private static boolean allGot(List<Recording> channels, int n) {
		for (Recording ch : channels) {
			if (!ch.broken && ch.received().size() < n) {
				return false;
			}
		}
		return true;
	}

	private static LiveConnection connection(Channel channel) {
		return new LiveConnection(UUID.randomUUID().toString(), new LiveConnection.Viewer(UUID.randomUUID(),
				Role.CUSTOMER, "C", Locale.ENGLISH, java.time.ZoneOffset.UTC, "_csrf", "", ""),
				Set.of(LiveConnection.Topic.STATUS), channel);
	}
}
