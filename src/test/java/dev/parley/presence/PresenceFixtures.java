package dev.parley.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.common.AddressKind;

/** Test data for the presence service: presentities, watchers, a settable clock, a recording notifier. */
public final class PresenceFixtures {

	public static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");

	public static final PresentityId AGENT = PresentityId.agent(UUID.fromString("00000000-0000-0000-0000-0000000000a7"));

	public static final PresentityId CUSTOMER = PresentityId
		.customer(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));

	public static final PresentityId QUEUE = PresentityId.queue("billing");

	public static final PresentityId UNKNOWN = PresentityId.agent(UUID.fromString("00000000-0000-0000-0000-00000000dead"));

	public static final Watcher SUPERVISOR = new Watcher("sip:sup1@cc.example", WatcherClass.SUPERVISOR);

	public static final Watcher OTHER_AGENT = new Watcher("sip:agent9@cc.example", WatcherClass.AGENT);

	public static final Watcher STRANGER = new Watcher("sip:stranger@elsewhere.example", WatcherClass.CUSTOMER);

	public static final Duration HOUR = Duration.ofHours(1);

	private PresenceFixtures() {
	}

	public static PresenceTuple voiceOnThePhone() {
		return PresenceTuple.open("voice").withContact(new Contact(AddressKind.SIP, "sip:agent7@cc.example", 0.8))
			.withActivities(Activity.ON_THE_PHONE).withTimestamp(T0);
	}

	public static PresenceTuple chatIdle() {
		return PresenceTuple.open("chat").withContact(new Contact(AddressKind.CHAT, "im:agent7@cc.example"))
			.withTimestamp(T0);
	}

	/** A settable clock: tests move time by hand. */
	public static final class TestClock extends Clock {

		private Instant now = T0;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		public Instant advance(Duration by) {
			now = now.plus(by);
			return now;
		}
	}

	/** A notifier that remembers every call. */
	public static final class RecordingNotifier implements Notifier {

		public record Sent(Subscription subscription, PresenceDocument document) {
		}

		public final List<Sent> sent = new ArrayList<>();

		public final List<Subscription> terminated = new ArrayList<>();

		public final List<WatcherInfo> watcherEvents = new ArrayList<>();

		@Override
		public synchronized void notify(Subscription subscription, PresenceDocument document) {
			sent.add(new Sent(subscription, document));
		}

		@Override
		public synchronized void terminated(Subscription subscription) {
			terminated.add(subscription);
		}

		@Override
		public synchronized void watcherChanged(PresentityId presentity, WatcherInfo info) {
			watcherEvents.add(info);
		}

		public List<PresenceDocument> sentTo(Subscription s) {
			return sent.stream().filter(x -> x.subscription() == s).map(Sent::document).toList();
		}
	}

	/** A service with a test clock, recording notifier and events, and the given rules. */
	public static final class Harness {

		public final TestClock clock = new TestClock();

		public final RecordingNotifier notifier = new RecordingNotifier();

		public final List<PresenceChanged> events = new ArrayList<>();

		public final AccessRules rules;

		public final Presence presence;

		public Harness(AccessRules rules, PresenceSettings settings) {
			this.rules = rules;
			this.presence = new Presence(rules, notifier, events::add, clock, settings);
		}

		public Harness() {
			this(AccessRules.contactCenterDefaults(), PresenceSettings.defaults());
		}

		public Subscription subscribe(Watcher watcher, PresentityId presentity) {
			return ((SubscribeResult.Subscribed) presence.subscribe(watcher, presentity, HOUR)).subscription();
		}
	}
}
