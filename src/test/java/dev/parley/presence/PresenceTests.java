package dev.parley.presence;

import static dev.parley.presence.PresenceFixtures.AGENT;
import static dev.parley.presence.PresenceFixtures.OTHER_AGENT;
import static dev.parley.presence.PresenceFixtures.SUPERVISOR;
import static dev.parley.presence.PresenceFixtures.UNKNOWN;
import static dev.parley.presence.PresenceFixtures.chatIdle;
import static dev.parley.presence.PresenceFixtures.voiceOnThePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.parley.common.AddressKind;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.presence.PresenceFixtures.Harness;

class PresenceTests {

	final Harness h = new Harness();

	final Presence presence = h.presence;

	@Test
	void keepsEachDevicesTupleInsteadOfCollapsingThem() {
		presence.publish(AGENT, voiceOnThePhone());
		presence.publish(AGENT, chatIdle());
		PresenceDocument doc = presence.current(AGENT).orElseThrow();
		assertThat(doc.tuples()).containsExactly(voiceOnThePhone(), chatIdle());
		assertThat(doc.tuples().get(0).activities()).containsExactly(Activity.ON_THE_PHONE);
		assertThat(doc.tuples().get(1).activities()).isEmpty();
	}

	@Test
	void republishingATupleIdReplacesThatTupleInPlace() {
		presence.publish(AGENT, voiceOnThePhone(), chatIdle());
		presence.publish(AGENT, voiceOnThePhone().withActivities(Activity.WRAP_UP));
		assertThat(presence.current(AGENT).orElseThrow().tuples()).extracting(PresenceTuple::id)
			.containsExactly("voice", "chat");
		assertThat(presence.current(AGENT).orElseThrow().tuples().get(0).activities()).containsExactly(Activity.WRAP_UP);
	}

	@Test
	void removingATupleLeavesTheOthers() {
		presence.publish(AGENT, voiceOnThePhone(), chatIdle());
		presence.removeTuple(AGENT, "voice");
		assertThat(presence.current(AGENT).orElseThrow().tuples()).containsExactly(chatIdle());
	}

	@Test
	void setStatusChangesOnlyTheStatusOrCreatesTheTuple() {
		presence.publish(AGENT, voiceOnThePhone());
		presence.setStatus(AGENT, "voice", BasicStatus.CLOSED);
		presence.setStatus(AGENT, "email", BasicStatus.OPEN);
		PresenceDocument doc = presence.current(AGENT).orElseThrow();
		assertThat(doc.tuples().get(0)).isEqualTo(voiceOnThePhone().withStatus(BasicStatus.CLOSED));
		assertThat(doc.tuples().get(1)).isEqualTo(PresenceTuple.open("email"));
	}

	@Test
	void personLevelActivitiesSitBesideTheTuples() {
		presence.publish(AGENT, chatIdle());
		presence.setPerson(AGENT, Set.of(Activity.MEETING), "Team meeting");
		PresenceDocument doc = presence.current(AGENT).orElseThrow();
		assertThat(doc.personActivities()).containsExactly(Activity.MEETING);
		assertThat(doc.personNote()).isEqualTo("Team meeting");
		assertThat(doc.tuples()).hasSize(1);
	}

	@Test
	void everyChangePublishesPresenceChangedAndRepeatsDoNot() {
		presence.publish(AGENT, chatIdle());
		presence.publish(AGENT, chatIdle());
		presence.setStatus(AGENT, "chat", BasicStatus.CLOSED);
		assertThat(h.events).extracting(PresenceChanged::version).containsExactly(1L, 2L);
		assertThat(h.events).extracting(PresenceChanged::open).containsExactly(true, false);
		assertThat(h.events.get(0).presentity()).isEqualTo(AGENT);
	}

	@Test
	void fansOutEachChangeFilteredForEachWatcher() {
		presence.publish(AGENT, voiceOnThePhone());
		Subscription full = h.subscribe(SUPERVISOR, AGENT);
		Subscription basic = h.subscribe(OTHER_AGENT, AGENT);
		presence.publish(AGENT, chatIdle());
		assertThat(h.notifier.sentTo(full)).singleElement()
			.isEqualTo(PresenceDocument.of(AGENT, voiceOnThePhone(), chatIdle()));
		assertThat(h.notifier.sentTo(basic)).as("open before and after: the basic view did not change").isEmpty();
		presence.setStatus(AGENT, "voice", BasicStatus.CLOSED);
		presence.setStatus(AGENT, "chat", BasicStatus.CLOSED);
		assertThat(h.notifier.sentTo(basic)).singleElement().isEqualTo(PresenceDocument.neutral(AGENT));
		assertThat(h.notifier.sentTo(full)).hasSize(3);
	}

	@Test
	void fansOneChangeOutToTenThousandSubscribers() {
		AtomicInteger count = new AtomicInteger();
		Presence big = new Presence(AccessRules.contactCenterDefaults(), (s, d) -> count.incrementAndGet(),
				PresenceEvents.NONE, h.clock, PresenceSettings.defaults());
		big.register(AGENT);
		for (int i = 0; i < 10_000; i++) {
			big.subscribe(new Watcher("sip:sup" + i + "@cc.example", WatcherClass.SUPERVISOR), AGENT, null);
		}
		big.publish(AGENT, voiceOnThePhone());
		assertThat(count).hasValue(10_000);
		assertThat(big.subscriptionCount()).isEqualTo(10_000);
	}

	@Test
	void removingAPresentityEndsItsSubscriptionsWithNoresource() {
		presence.publish(AGENT, chatIdle());
		Subscription s = h.subscribe(SUPERVISOR, AGENT);
		presence.remove(AGENT);
		assertThat(s.state()).isEqualTo(new SubscriptionState.Terminated(TerminationReason.NORESOURCE));
		assertThat(h.notifier.terminated).containsExactly(s);
		assertThat(presence.exists(AGENT)).isFalse();
		assertThatThrownBy(() -> presence.removeTuple(AGENT, "chat")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void unknownPresentitiesAreNotFoundForTheirPrincipalsToo() {
		assertThatThrownBy(() -> presence.removeTuple(UNKNOWN, "voice")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> presence.watchers(UNKNOWN)).isInstanceOf(NotFoundException.class);
		assertThat(presence.current(UNKNOWN)).isEmpty();
	}

	@Test
	void refusesInvalidTuplesNamingTheField() {
		assertThatThrownBy(() -> PresenceTuple.open("1voice")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("tuple.id");
		assertThatThrownBy(() -> new Contact(AddressKind.PHONE, "sip:a@b")).hasMessageContaining("contact.address");
		assertThatThrownBy(() -> new Contact(AddressKind.SIP, "sip:a@b", 0.1234)).hasMessageContaining("contact.priority");
		assertThatThrownBy(() -> PresenceTuple.open("t").withNote("x".repeat(1025))).hasMessageContaining("tuple.note");
		assertThatThrownBy(() -> PresenceDocument.of(AGENT, chatIdle(), chatIdle())).hasMessageContaining("unique");
		assertThatThrownBy(() -> presence.publish(AGENT)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void presentityIdsReadBackFromTheirTokens() {
		assertThat(PresentityId.ofUserPart(AGENT.userPart())).contains(AGENT);
		assertThat(AGENT.userPart()).startsWith("agent-");
		assertThat(PresentityId.ofUserPart("queue-billing")).contains(PresentityId.queue("billing"));
		assertThat(PresentityId.ofUserPart("bob")).isEmpty();
		assertThat(PresentityId.ofUserPart("robot-1")).isEmpty();
		assertThat(PresentityId.ofUserPart("agent-")).isEmpty();
		assertThat(PresentityId.ofUserPart("agent-a b")).isEmpty();
	}

	@Test
	void contactCenterTermsImplyBusyAndUnknownGivesWayToKnownActivities() {
		assertThat(PresenceTuple.open("v").withActivities(Activity.BUSY, Activity.RESERVED).activities())
			.containsExactly(Activity.RESERVED);
		assertThat(PresenceTuple.open("v").withActivities(Activity.UNKNOWN, Activity.AWAY).activities())
			.containsExactly(Activity.AWAY);
	}
}
