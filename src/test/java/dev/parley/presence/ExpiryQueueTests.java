package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ExpiryQueueTests {

	private static final PresentityId HOT = PresentityId.customer(new UUID(0, 1));

	private static Subscription active(long n, long expiresAt) {
		var s = new Subscription(new SubscriptionId(n), Watcher.account(new UUID(1, n), WatcherClass.CUSTOMER), HOT, 0);
		s.activate(Visibility.FULL, expiresAt);
		return s;
	}

	@Test
	void endedSubscriptionsDoNotPileUpUntilTheirOldDeadlinesUnderSubscribeUnsubscribeChurn() {
		var queue = new ExpiryQueue();
		for (long n = 0; n < 100_000; n++) {
			Subscription s = active(n, 3_600_000);
			queue.add(s, 3_600_000);
			s.terminate(TerminationReason.TIMEOUT); // un-SUBSCRIBE: ended long before its deadline
		}
		assertThat(queue.size()).isLessThanOrEqualTo(1024);
	}

	@Test
	void liveSubscriptionsSurviveCompactionAndComeDueOnTheirLatestDeadline() {
		var queue = new ExpiryQueue();
		List<Subscription> live = new ArrayList<>();
		for (long n = 0; n < 5_000; n++) {
			Subscription s = active(n, 1_000 + n);
			queue.add(s, 1_000 + n);
			live.add(s);
			Subscription ended = active(100_000 + n, 500);
			queue.add(ended, 500);
			ended.terminate(TerminationReason.TIMEOUT);
		}
		Subscription refreshed = live.get(0);
		refreshed.activate(Visibility.FULL, 9_000);
		queue.add(refreshed, 9_000);
		assertThat(queue.due(999)).isEmpty();
		assertThat(queue.due(5_999)).hasSize(4_999).doesNotContain(refreshed);
		assertThat(queue.due(9_000)).containsExactly(refreshed);
		assertThat(queue.size()).isZero();
	}
}
