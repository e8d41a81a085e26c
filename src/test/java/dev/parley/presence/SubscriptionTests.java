package dev.parley.presence;

import static dev.parley.presence.PresenceFixtures.AGENT;
import static dev.parley.presence.PresenceFixtures.HOUR;
import static dev.parley.presence.PresenceFixtures.OTHER_AGENT;
import static dev.parley.presence.PresenceFixtures.SUPERVISOR;
import static dev.parley.presence.PresenceFixtures.T0;
import static dev.parley.presence.PresenceFixtures.chatIdle;
import static dev.parley.presence.PresenceFixtures.voiceOnThePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.parley.common.NotFoundException;
import dev.parley.presence.PresenceFixtures.Harness;

class SubscriptionTests {

	final Harness h = new Harness();

	final Presence presence = h.presence;

	SubscriptionTests() {
		presence.publish(AGENT, voiceOnThePhone());
	}

	@Test
	void anAllowedSubscriptionIsActiveAndStartsWithTheCurrentState() {
		var result = (SubscribeResult.Subscribed) presence.subscribe(SUPERVISOR, AGENT, HOUR);
		assertThat(result.subscription().state()).isEqualTo(new SubscriptionState.Active(T0.plus(HOUR)));
		assertThat(result.document()).isEqualTo(PresenceDocument.of(AGENT, voiceOnThePhone()));
		assertThat(h.notifier.sent).as("the adapter sends the first NOTIFY from the result").isEmpty();
	}

	@Test
	void expiryIsCappedAtTheMaximumAndDefaultsToAnHour() {
		var capped = (SubscribeResult.Subscribed) presence.subscribe(SUPERVISOR, AGENT, Duration.ofDays(3));
		var byDefault = (SubscribeResult.Subscribed) presence.subscribe(SUPERVISOR, AGENT, null);
		assertThat(capped.subscription().expiresAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
		assertThat(byDefault.subscription().expiresAt()).isEqualTo(T0.plus(HOUR));
	}

	@Test
	void anExpiryBelowTheMinimumIsTooBrief() {
		assertThat(presence.subscribe(SUPERVISOR, AGENT, Duration.ofSeconds(1)))
			.isEqualTo(new SubscribeResult.IntervalTooBrief(Duration.ofSeconds(60)));
		assertThat(presence.subscriptionCount()).isZero();
	}

	@Test
	void expiresZeroIsAFetchThatEndsAtOnceWithTimeout() {
		var result = (SubscribeResult.Subscribed) presence.subscribe(SUPERVISOR, AGENT, Duration.ZERO);
		assertThat(result.document()).isEqualTo(PresenceDocument.of(AGENT, voiceOnThePhone()));
		assertThat(result.subscription().state()).isEqualTo(new SubscriptionState.Terminated(TerminationReason.TIMEOUT));
		assertThat(presence.subscriptionCount()).isZero();
		assertThat(presence.fetch(SUPERVISOR, AGENT))
			.isEqualTo(new FetchResult.Fetched(PresenceDocument.of(AGENT, voiceOnThePhone())));
	}

	@Test
	void anUnrefreshedSubscriptionEndsWithTimeoutAndIsForgotten() {
		Subscription s = h.subscribe(SUPERVISOR, AGENT);
		assertThat(presence.expire(T0.plus(HOUR).minusMillis(1))).isZero();
		assertThat(presence.expire(T0.plus(HOUR))).isEqualTo(1);
		assertThat(s.state()).isEqualTo(new SubscriptionState.Terminated(TerminationReason.TIMEOUT));
		assertThat(h.notifier.terminated).containsExactly(s);
		assertThat(presence.subscription(s.id())).isEmpty();
		presence.publish(AGENT, chatIdle());
		assertThat(h.notifier.sentTo(s)).isEmpty();
	}

	@Test
	void aRefreshPushesTheExpiryBack() {
		Subscription s = h.subscribe(SUPERVISOR, AGENT);
		h.clock.advance(Duration.ofMinutes(50));
		assertThat(presence.refresh(SUPERVISOR, s.id(), HOUR)).isInstanceOf(SubscribeResult.Subscribed.class);
		h.clock.advance(Duration.ofMinutes(20));
		h.presence.tick();
		assertThat(s.state()).isEqualTo(new SubscriptionState.Active(T0.plus(Duration.ofMinutes(110))));
		assertThat(presence.expire(T0.plus(Duration.ofMinutes(110)))).isEqualTo(1);
	}

	@Test
	void onlyTheWatcherCanRefreshOrEndItsSubscription() {
		Subscription s = h.subscribe(SUPERVISOR, AGENT);
		assertThat(presence.refresh(OTHER_AGENT, s.id(), HOUR)).isSameAs(PresenceNotFound.INSTANCE);
		assertThatThrownBy(() -> presence.unsubscribe(OTHER_AGENT, s.id())).isInstanceOf(NotFoundException.class);
		assertThat(s.state()).isInstanceOf(SubscriptionState.Active.class);
	}

	@Test
	void unsubscribingEndsWithTimeoutAndAFinalNotification() {
		Subscription s = h.subscribe(SUPERVISOR, AGENT);
		presence.unsubscribe(SUPERVISOR, s.id());
		assertThat(s.state()).isEqualTo(new SubscriptionState.Terminated(TerminationReason.TIMEOUT));
		assertThat(h.notifier.terminated).containsExactly(s);
		assertThatThrownBy(() -> presence.unsubscribe(SUPERVISOR, s.id())).isInstanceOf(NotFoundException.class);
		assertThat(presence.refresh(SUPERVISOR, s.id(), HOUR)).isSameAs(PresenceNotFound.INSTANCE);
	}

	@Test
	void anIdleSubscriptionStaysSmall() {
		// Not a benchmark: a guard that nobody adds per-subscription threads, timers or maps.
		assertThat(Subscription.class.getDeclaredFields()).hasSizeLessThanOrEqualTo(12);
		assertThat(Subscription.class.getDeclaredFields()).noneMatch(f -> java.util.Map.class.isAssignableFrom(f.getType())
				|| Thread.class.isAssignableFrom(f.getType()) || java.util.Timer.class.isAssignableFrom(f.getType()));
	}
}
