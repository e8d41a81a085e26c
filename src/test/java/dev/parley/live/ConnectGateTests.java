package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The connect gate: only so many event streams are opened at once, a few more wait their turn in order, the rest
 * are answered 503 with Retry-After before any work, and nothing but {@code GET /live/presence} is held back.
 */
class ConnectGateTests {

	static LiveSettings settings(int concurrency, int queue, Duration wait) {
		return new LiveSettings(null, null, null, null, null, null, null, concurrency, queue, wait);
	}

	/** A stream being opened: its request stays in the chain until released. */
	static final class Opening {
		final CountDownLatch inside = new CountDownLatch(1);
		final CountDownLatch release = new CountDownLatch(1);
		final MockHttpServletResponse response = new MockHttpServletResponse();
		final CompletableFuture<Void> done;

		Opening(ConnectGate gate, String method, String uri) {
			var chain = new MockFilterChain(new HttpServlet() {
				@Override
				protected void service(HttpServletRequest req, HttpServletResponse resp) {
					inside.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					resp.setStatus(200);
				}
			});
			done = CompletableFuture.runAsync(() -> {
				try {
					gate.doFilter(new MockHttpServletRequest(method, uri), response, chain);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
		}

		boolean entered(long millis) throws InterruptedException {
			return inside.await(millis, TimeUnit.MILLISECONDS);
		}
	}

	@Test
	void pastTheQueueAStreamIsAnswered503WithRetryAfterAndNeverReachesTheChain() throws Exception {
		var gate = new ConnectGate(settings(2, 0, Duration.ofSeconds(5)));
		var first = new Opening(gate, "GET", "/live/presence");
		var second = new Opening(gate, "GET", "/live/presence");
		assertThat(first.entered(5_000)).isTrue();
		assertThat(second.entered(5_000)).isTrue();
		assertThat(gate.opening()).isEqualTo(2);

		var third = new Opening(gate, "GET", "/live/presence");
		third.done.get(5, TimeUnit.SECONDS);
		assertThat(third.inside.getCount()).as("the refused request did not reach the chain").isEqualTo(1);
		assertThat(third.response.getStatus()).isEqualTo(503);
		assertThat(third.response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(third.response.getContentType()).startsWith("application/problem+json");
		assertThat(third.response.getContentAsString()).contains("\"status\":503").contains("Retry-After");
		assertThat(gate.refused()).isEqualTo(1);

		// the turns come back when the streams are open: the next one goes straight in
		first.release.countDown();
		second.release.countDown();
		first.done.get(5, TimeUnit.SECONDS);
		second.done.get(5, TimeUnit.SECONDS);
		assertThat(gate.opening()).isZero();
		var fourth = new Opening(gate, "GET", "/live/presence");
		assertThat(fourth.entered(5_000)).isTrue();
		fourth.release.countDown();
		fourth.done.get(5, TimeUnit.SECONDS);
		assertThat(fourth.response.getStatus()).isEqualTo(200);
	}

	@Test
	void aWaitingStreamGoesInWhenATurnIsFreeAndOneWaitingTooLongIsRefused() throws Exception {
		var gate = new ConnectGate(settings(1, 1, Duration.ofSeconds(5)));
		var first = new Opening(gate, "GET", "/live/presence");
		assertThat(first.entered(5_000)).isTrue();
		var waiter = new Opening(gate, "GET", "/live/presence");
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (gate.waiting() == 0 && System.nanoTime() < until) {
			Thread.sleep(5);
		}
		assertThat(gate.waiting()).isEqualTo(1);
		assertThat(waiter.entered(100)).as("waits while the only turn is taken").isFalse();

		var overflow = new Opening(gate, "GET", "/live/presence"); // the queue (1) is full
		overflow.done.get(5, TimeUnit.SECONDS);
		assertThat(overflow.response.getStatus()).isEqualTo(503);

		first.release.countDown();
		assertThat(waiter.entered(5_000)).as("the waiter gets the turn given back").isTrue();
		waiter.release.countDown();
		waiter.done.get(5, TimeUnit.SECONDS);
		assertThat(waiter.response.getStatus()).isEqualTo(200);

		var shortWait = new ConnectGate(settings(1, 4, Duration.ofMillis(50)));
		var holder = new Opening(shortWait, "GET", "/live/presence");
		assertThat(holder.entered(5_000)).isTrue();
		var late = new Opening(shortWait, "GET", "/live/presence");
		late.done.get(5, TimeUnit.SECONDS);
		assertThat(late.response.getStatus()).as("refused after waiting connect-wait").isEqualTo(503);
		assertThat(shortWait.waiting()).isZero();
		holder.release.countDown();
		holder.done.get(5, TimeUnit.SECONDS);
	}

	@Test
	void otherRequestsAreNeverHeldBack() throws Exception {
		var gate = new ConnectGate(settings(1, 0, Duration.ZERO));
		var stream = new Opening(gate, "GET", "/live/presence");
		assertThat(stream.entered(5_000)).isTrue();
		for (String[] other : new String[][] { { "POST", "/live/idle" }, { "POST", "/live/presence" },
				{ "GET", "/api/v1/status" }, { "GET", "/live/presence/other" } }) {
			var o = new Opening(gate, other[0], other[1]);
			assertThat(o.entered(5_000)).as(other[0] + " " + other[1]).isTrue();
			o.release.countDown();
			o.done.get(5, TimeUnit.SECONDS);
			assertThat(o.response.getStatus()).isEqualTo(200);
		}
		stream.release.countDown();
		stream.done.get(5, TimeUnit.SECONDS);
		assertThat(gate.refused()).isZero();
	}

	@Test
	void settingsThatCouldAdmitNothingAreRefusedAtStart() {
		assertThatThrownBy(() -> settings(0, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("connect-concurrency");
		assertThatThrownBy(() -> settings(1, -1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> settings(1, 1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
		assertThat(settings(1, 0, Duration.ZERO).connectConcurrency()).isEqualTo(1);
	}
}
