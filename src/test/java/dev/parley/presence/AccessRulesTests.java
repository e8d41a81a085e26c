package dev.parley.presence;

import static dev.parley.presence.PresenceFixtures.AGENT;
import static dev.parley.presence.PresenceFixtures.CUSTOMER;
import static dev.parley.presence.PresenceFixtures.HOUR;
import static dev.parley.presence.PresenceFixtures.OTHER_AGENT;
import static dev.parley.presence.PresenceFixtures.QUEUE;
import static dev.parley.presence.PresenceFixtures.STRANGER;
import static dev.parley.presence.PresenceFixtures.SUPERVISOR;
import static dev.parley.presence.PresenceFixtures.UNKNOWN;
import static dev.parley.presence.PresenceFixtures.chatIdle;
import static dev.parley.presence.PresenceFixtures.voiceOnThePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.common.ConflictException;
import dev.parley.common.NotFoundException;
import dev.parley.presence.PresenceFixtures.Harness;

class AccessRulesTests {

	final Harness h = new Harness();

	final Presence presence = h.presence;

	AccessRulesTests() {
		presence.publish(CUSTOMER, chatIdle());
		presence.publish(AGENT, voiceOnThePhone(), chatIdle());
	}

	@Test
	void aWatcherNoRuleCoversWaitsInPendingSeeingOnlyNeutralState() {
		var result = (SubscribeResult.Subscribed) presence.subscribe(STRANGER, CUSTOMER, HOUR);
		assertThat(result.subscription().state()).isSameAs(SubscriptionState.PENDING);
		assertThat(result.document()).isEqualTo(PresenceDocument.neutral(CUSTOMER));
		presence.publish(CUSTOMER, chatIdle().withNote("changed"));
		assertThat(h.notifier.sentTo(result.subscription())).isEmpty();
		assertThat(presence.watchers(CUSTOMER)).singleElement().satisfies(w -> {
			assertThat(w.status()).isEqualTo(WatcherStatus.PENDING);
			assertThat(w.event()).isEqualTo(WatcherEvent.SUBSCRIBE);
		});
	}

	@Test
	void approvingMakesItActiveAndSendsTheCurrentState() {
		Subscription s = h.subscribe(STRANGER, CUSTOMER);
		presence.approve(CUSTOMER, s.id(), Visibility.FULL);
		assertThat(s.state()).isInstanceOf(SubscriptionState.Active.class);
		assertThat(h.notifier.sentTo(s)).containsExactly(PresenceDocument.of(CUSTOMER, chatIdle()));
		assertThat(presence.watchers(CUSTOMER)).singleElement()
			.satisfies(w -> assertThat(w.event()).isEqualTo(WatcherEvent.APPROVED));
		assertThat(h.rules.decide(CUSTOMER, STRANGER)).contains(AccessDecision.allow(Visibility.FULL));
		assertThatThrownBy(() -> presence.approve(CUSTOMER, s.id())).isInstanceOf(ConflictException.class);
	}

	@Test
	void approvalWithoutAVisibilityShowsOnlyOpenOrClosed() {
		Subscription s = h.subscribe(STRANGER, CUSTOMER);
		presence.approve(CUSTOMER, s.id());
		assertThat(s.visibility()).isEqualTo(Visibility.BASIC_ONLY);
	}

	@Test
	void denyingEndsItRejectedAndTheWatcherIsThenRefusedLikeAnUnknownPresentity() {
		Subscription s = h.subscribe(STRANGER, CUSTOMER);
		presence.deny(CUSTOMER, s.id());
		assertThat(s.state()).isEqualTo(new SubscriptionState.Terminated(TerminationReason.REJECTED));
		assertThat(h.notifier.terminated).containsExactly(s);
		assertThat(h.notifier.watcherEvents).last().satisfies(w -> {
			assertThat(w.status()).isEqualTo(WatcherStatus.TERMINATED);
			assertThat(w.event()).isEqualTo(WatcherEvent.REJECTED);
		});
		assertThat(presence.subscribe(STRANGER, CUSTOMER, HOUR)).isSameAs(PresenceNotFound.INSTANCE);
	}

	@Test
	void onlyThePresentitysOwnSubscriptionsCanBeApprovedOrDenied() {
		Subscription s = h.subscribe(STRANGER, CUSTOMER);
		assertThatThrownBy(() -> presence.approve(AGENT, s.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> presence.deny(AGENT, s.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void anUnauthorizedWatcherGetsExactlyTheAnswerForAPresentityThatDoesNotExist() {
		h.rules.forWatcher(CUSTOMER, STRANGER, new AccessDecision(SubHandling.BLOCK, Visibility.NOTHING));
		SubscribeResult blocked = presence.subscribe(STRANGER, CUSTOMER, HOUR);
		SubscribeResult unknown = presence.subscribe(STRANGER, UNKNOWN, HOUR);
		assertThat(blocked).isSameAs(unknown).isSameAs(PresenceNotFound.INSTANCE);
		assertThat(presence.fetch(STRANGER, CUSTOMER)).isSameAs(presence.fetch(STRANGER, UNKNOWN));
		assertThat(presence.watchers(CUSTOMER)).isEmpty();
	}

	@Test
	void aPolitelyBlockedWatcherSeesWhatAnyoneSeesOfAnOfflinePresentity() {
		PresentityId offline = PresentityId.customer(java.util.UUID.randomUUID());
		presence.register(offline);
		h.rules.forWatcher(offline, STRANGER, AccessDecision.allow(Visibility.FULL));
		h.rules.forWatcher(CUSTOMER, STRANGER, new AccessDecision(SubHandling.POLITE_BLOCK, Visibility.FULL));

		var blocked = (SubscribeResult.Subscribed) presence.subscribe(STRANGER, CUSTOMER, HOUR);
		var honest = (SubscribeResult.Subscribed) presence.subscribe(STRANGER, offline, HOUR);
		assertThat(blocked.subscription().state()).isInstanceOf(SubscriptionState.Active.class);
		assertThat(blocked.document().tuples()).isEqualTo(honest.document().tuples());
		assertThat(blocked.document()).isEqualTo(PresenceDocument.neutral(CUSTOMER));
		presence.publish(CUSTOMER, chatIdle().withNote("busy day"));
		assertThat(h.notifier.sentTo(blocked.subscription())).isEmpty();
		assertThat(presence.fetch(STRANGER, CUSTOMER)).isEqualTo(new FetchResult.Fetched(PresenceDocument.neutral(CUSTOMER)));
	}

	@Test
	void visibilityDecidesHowMuchEachWatcherClassSees() {
		h.rules.forClass(AGENT, WatcherClass.CUSTOMER, AccessDecision.allow(Visibility.NOTHING));
		assertThat(fetched(SUPERVISOR, AGENT)).isEqualTo(PresenceDocument.of(AGENT, voiceOnThePhone(), chatIdle()));
		assertThat(fetched(OTHER_AGENT, AGENT))
			.isEqualTo(PresenceDocument.of(AGENT, PresenceTuple.open(PresenceDocument.NEUTRAL_TUPLE)));
		assertThat(fetched(STRANGER, AGENT)).isEqualTo(PresenceDocument.neutral(AGENT));
		assertThat(presence.current(AGENT).orElseThrow().viewedAs(Visibility.BASIC_ONLY))
			.isEqualTo(fetched(OTHER_AGENT, AGENT));
	}

	@Test
	void matchingRulesCombineToTheMostPermissive() {
		h.rules.forClass(CUSTOMER, WatcherClass.CUSTOMER, new AccessDecision(SubHandling.CONFIRM, Visibility.BASIC_ONLY));
		h.rules.forWatcher(CUSTOMER, STRANGER, AccessDecision.allow(Visibility.FULL));
		assertThat(h.rules.decide(CUSTOMER, STRANGER)).contains(AccessDecision.allow(Visibility.FULL));
		assertThat(SubHandling.BLOCK.mostPermissive(SubHandling.POLITE_BLOCK)).isEqualTo(SubHandling.POLITE_BLOCK);
		assertThat(SubHandling.CONFIRM.mostPermissive(SubHandling.BLOCK)).isEqualTo(SubHandling.CONFIRM);
	}

	@Test
	void theContactCenterDefaultsOpenQueuesToCustomersAndAgentsToSupervisors() {
		presence.publish(QUEUE, PresenceTuple.open("queue").withFigures(Map.of("waiting", 4L)));
		Watcher customer = new Watcher("urn:uuid:00000000-0000-0000-0000-0000000000c2", WatcherClass.CUSTOMER);
		assertThat(fetched(customer, QUEUE).tuples().get(0).figures()).containsEntry("waiting", 4L);
		assertThat(h.subscribe(SUPERVISOR, AGENT).visibility()).isEqualTo(Visibility.FULL);
		assertThat(h.subscribe(OTHER_AGENT, AGENT).visibility()).isEqualTo(Visibility.BASIC_ONLY);
		assertThat(h.subscribe(customer, CUSTOMER).state()).isSameAs(SubscriptionState.PENDING);
	}

	private PresenceDocument fetched(Watcher watcher, PresentityId presentity) {
		return ((FetchResult.Fetched) presence.fetch(watcher, presentity)).document();
	}
}
