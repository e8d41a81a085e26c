package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.parley.presence.AccessDecision;
import dev.parley.presence.AccessPolicy;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Notifier;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceSettings;
import dev.parley.presence.PresenceTuple;
import dev.parley.presence.PresentityId;
import dev.parley.presence.SubscribeResult;
import dev.parley.presence.Subscription;
import dev.parley.presence.Visibility;
import dev.parley.presence.Watcher;
import dev.parley.presence.WatcherClass;

/**
 * The in-process presence benchmark (issue: presence service, "Speed"): 100,000 presentities and 200,000
 * subscriptions, of which 10,000 watch one hot presentity; changes to that presentity fan out to all of
 * them. Prints notifications per second, change-to-delivery percentiles and heap per idle subscription.
 * Not part of {@code mvn verify}: run with {@code mvn -Pbench test} (see README).
 */
@Tag("bench")
class PresenceBenchmark {

	static final int PRESENTITIES = 100_000;
	static final int SUBSCRIPTIONS = 200_000;
	static final int HOT_WATCHERS = 10_000;
	static final int WARMUP_CHANGES = 50;
	static final int CHANGES = 200;

	/**
	 * Stands where a protocol adapter stands: the notifier only hands each notification off to a queue (the
	 * rule for adapters: never block under the presentity lock), and a consumer thread takes it, which is
	 * when it counts as delivered; latency is from the start of the change to that take.
	 */
	static final class Recorder implements Notifier {
		record Delivery(Subscription subscription, PresenceDocument document, long changeStartedAt) {
		}

		final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
		volatile long changeStartedAt;
		volatile long[] latencies = new long[0];
		final AtomicInteger count = new AtomicInteger();
		final AtomicLong delivered = new AtomicLong();

		@Override
		public void notify(Subscription subscription, PresenceDocument document) {
			queue.add(new Delivery(subscription, document, changeStartedAt));
		}

		Thread consumer() {
			var thread = new Thread(() -> {
				try {
					while (true) {
						var d = queue.take();
						long latency = System.nanoTime() - d.changeStartedAt();
						int i = count.getAndIncrement();
						long[] into = latencies;
						if (i < into.length) {
							into[i] = latency;
						}
						delivered.incrementAndGet();
					}
				}
				catch (InterruptedException stop) {
					Thread.currentThread().interrupt();
				}
			}, "bench-adapter");
			thread.setDaemon(true);
			thread.start();
			return thread;
		}

		void awaitDelivered(long total) {
			while (delivered.get() < total) {
				Thread.onSpinWait();
			}
		}
	}

	@Test
	void fanOutToTenThousandWatchersAmongTwoHundredThousandSubscriptions() {
		AccessPolicy allowAll = (presentity, watcher) -> Optional.of(AccessDecision.allow(Visibility.FULL));
		var recorder = new Recorder();
		var presence = new Presence(allowAll, recorder, event -> { }, Clock.systemUTC(), PresenceSettings.defaults());
		var ids = new PresentityId[PRESENTITIES];
		for (int i = 0; i < PRESENTITIES; i++) {
			ids[i] = PresentityId.customer(new UUID(0, i));
			presence.register(ids[i]);
		}
		PresentityId hot = ids[0];
		for (int i = 0; i < HOT_WATCHERS; i++) {
			subscribe(presence, i, hot);
		}
		long heapBefore = usedHeapAfterGc();
		int idle = SUBSCRIPTIONS - HOT_WATCHERS;
		for (int i = 0; i < idle; i++) {
			subscribe(presence, HOT_WATCHERS + i, ids[1 + (i % (PRESENTITIES - 1))]);
		}
		long perIdle = (usedHeapAfterGc() - heapBefore) / idle;

		var consumer = recorder.consumer();
		for (int c = 0; c < WARMUP_CHANGES; c++) {
			change(presence, recorder, hot, c);
		}
		recorder.awaitDelivered((long) WARMUP_CHANGES * HOT_WATCHERS);
		// throughput: changes back to back, as fast as the publisher can make them
		long delivered0 = recorder.delivered.get();
		long start = System.nanoTime();
		for (int c = 0; c < CHANGES; c++) {
			change(presence, recorder, hot, WARMUP_CHANGES + c);
		}
		recorder.awaitDelivered(delivered0 + (long) CHANGES * HOT_WATCHERS);
		long elapsed = System.nanoTime() - start;
		long delivered = recorder.delivered.get() - delivered0;

		// latency: closed loop, each change is made once the previous one has reached every watcher
		recorder.latencies = new long[CHANGES * HOT_WATCHERS];
		recorder.count.set(0);
		for (int c = 0; c < CHANGES; c++) {
			long before = recorder.delivered.get();
			change(presence, recorder, hot, WARMUP_CHANGES + CHANGES + c);
			recorder.awaitDelivered(before + HOT_WATCHERS);
		}
		consumer.interrupt();
		report(presence, delivered, elapsed, Arrays.copyOf(recorder.latencies, recorder.count.get()), perIdle);
	}

	private static void subscribe(Presence presence, int watcher, PresentityId presentity) {
		var result = presence.subscribe(Watcher.account(new UUID(1, watcher), WatcherClass.AGENT), presentity,
				Duration.ofHours(1));
		if (!(result instanceof SubscribeResult.Subscribed)) {
			throw new IllegalStateException("subscribe refused: " + result);
		}
	}

	private static void change(Presence presence, Recorder recorder, PresentityId hot, int n) {
		recorder.changeStartedAt = System.nanoTime();
		presence.publish(hot, PresenceTuple.of("chat", n % 2 == 0 ? BasicStatus.OPEN : BasicStatus.CLOSED));
	}

	private static void report(Presence presence, long delivered, long elapsedNanos, long[] latencies, long perIdle) {
		Arrays.sort(latencies);
		double seconds = elapsedNanos / 1e9;
		System.out.printf("%npresence benchmark (in-process), %d cores, Java %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.printf("  presentities %,d, subscriptions %,d, watchers of the hot presentity %,d%n", PRESENTITIES,
				presence.subscriptionCount(), HOT_WATCHERS);
		System.out.printf("  back to back: %d changes -> %,d notifications in %.3f s = %,.0f notifications/s (target >= 200,000)%n",
				CHANGES, delivered, seconds, delivered / seconds);
		System.out.printf("  closed loop, change-to-delivery of each of the 10,000 notifications:%n");
		System.out.printf("  p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 100 ms)%n",
				percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0));
		System.out.printf("  heap per idle subscription %,d bytes (target <= 2,048)%n%n", perIdle);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(index, 0)] / 1e6;
	}

	private static long usedHeapAfterGc() {
		var memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}
}
