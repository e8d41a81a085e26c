package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.identity.Role;

/**
 * A live connection's outbox: the producer never waits for the browser, superseded keyed events (the center's
 * figures, a place in the queue) coalesce while the browser is slow, messages keep their order and none is lost,
 * and a browser too slow to keep up is dropped rather than held on to without bound.
 */
class LiveOutboxTests {

	/** A browser whose writes block until let go, recording what arrived. */
	static final class SlowChannel implements Channel {
		final List<String> received = new ArrayList<>();
		volatile CountDownLatch gate = new CountDownLatch(1);

		@Override
		public void send(Frame frame) throws IOException {
			try {
				gate.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				throw new IOException(e);
			}
			synchronized (received) {
				received.add(frame.event() + "=" + frame.data());
			}
		}

		@Override
		public void close() {
		}
	}

	final ExecutorService writer = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		writer.shutdownNow();
	}

	@Test
	void supersededStatusCoalescesWhileMessagesKeepTheirOrder() throws Exception {
		var channel = new SlowChannel();
		var c = connection(channel);
		assertThat(c.enqueue(Frame.of("message", "m0"), null, 256)).isTrue();
		drainLater(c);
		waitUntil(() -> c.waiting() == 0); // the writer took m0 and blocks on it: the browser is slow
		long started = System.nanoTime();
		for (int i = 1; i <= 100; i++) {
			assertThat(c.enqueue(Frame.of("status", "s" + i), "status", 256)).isTrue();
			assertThat(c.enqueue(Frame.of("message", "m" + i), null, 256)).isTrue();
		}
		assertThat(System.nanoTime() - started).as("the producer never waited").isLessThan(TimeUnit.SECONDS.toNanos(1));
		assertThat(c.waiting()).as("100 messages and one status").isEqualTo(101);

		channel.gate.countDown();
		waitUntil(() -> channel.received.size() == 102);
		List<String> got = List.copyOf(channel.received);
		assertThat(got.stream().filter(e -> e.startsWith("status"))).containsExactly("status=s100");
		assertThat(got.stream().filter(e -> e.startsWith("message")))
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 100).mapToObj(i -> "message=m" + i)
				.toList());
	}

	@Test
	void aClientThatCannotKeepUpIsRefusedAtTheLimit() {
		var c = connection(new SlowChannel());
		for (int i = 0; i < 8; i++) {
			assertThat(c.enqueue(Frame.of("message", "m" + i), null, 8)).isTrue();
		}
		assertThat(c.enqueue(Frame.of("message", "m8"), null, 8)).as("the ninth waits beyond the limit").isFalse();
		assertThat(c.enqueue(Frame.of("status", "s"), "status", 8)).isFalse();
		c.close();
		assertThat(c.enqueue(Frame.of("message", "late"), null, 8)).isFalse();
	}

	@Test
	void oneWriterAtATimePerConnectionAndNothingWrittenTwice() throws Exception {
		var channel = new SlowChannel();
		var c = connection(channel);
		c.enqueue(Frame.of("message", "m0"), null, 256);
		drainLater(c);
		waitUntil(() -> c.waiting() == 0); // the first writer holds m0 and waits for the browser
		c.enqueue(Frame.of("message", "m1"), null, 256);
		var second = Executors.newSingleThreadExecutor();
		try {
			var done = second.submit(c::drain);
			assertThat(done.get(5, TimeUnit.SECONDS)).as("a second writer leaves it to the first").isTrue();
			assertThat(c.waiting()).as("and writes nothing meanwhile").isEqualTo(1);
		}
		finally {
			second.shutdownNow();
		}
		channel.gate.countDown();
		waitUntil(() -> channel.received.size() == 2);
		Thread.sleep(100);
		assertThat(channel.received).containsExactly("message=m0", "message=m1");
	}

	@Test
	void aFrameIsEncodedOnceAsOneServerSentEvent() {
		Frame f = Frame.of("status", "{\"a\":\n1}", 2500);
		assertThat(new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("event:status\ndata:{\"a\": 1}\nretry:2500\n\n");
		assertThat(new String(Frame.of("message", "x\r\ny").bytes(), java.nio.charset.StandardCharsets.UTF_8))
			.as("a line break in the data cannot end the event early").isEqualTo("event:message\ndata:x y\n\n");
	}

	private void drainLater(LiveConnection c) {
		writer.execute(c::drain);
	}

	private static LiveConnection connection(Channel channel) {
		return new LiveConnection(UUID.randomUUID().toString(), new LiveConnection.Viewer(UUID.randomUUID(),
				Role.CUSTOMER, "C", Locale.ENGLISH, java.time.ZoneOffset.UTC, "_csrf", "", ""),
				Set.of(LiveConnection.Topic.STATUS), channel);
	}

	private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!done.getAsBoolean() && System.nanoTime() < end) {
			Thread.sleep(10);
		}
		assertThat(done.getAsBoolean()).isTrue();
	}
}
