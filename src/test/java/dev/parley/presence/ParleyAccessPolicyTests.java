package dev.parley.presence;

import static dev.parley.presence.PresenceFixtures.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.presence.PresenceFixtures.RecordingNotifier;
import dev.parley.presence.PresenceFixtures.TestClock;

/** Parley's access policy: the history relation, customers' stored rules, visibility per class, live changes. */
class ParleyAccessPolicyTests {

	static final UUID CUSTOMER_ID = UUID.randomUUID();
	static final UUID AGENT_ID = UUID.randomUUID();
	static final UUID KNOWN_AGENT_ID = UUID.randomUUID();
	static final PresentityId CUSTOMER = PresentityId.customer(CUSTOMER_ID);
	static final PresentityId AGENT = PresentityId.agent(KNOWN_AGENT_ID);
	static final PresentityId STRANGE_AGENT = PresentityId.agent(AGENT_ID);
	static final Watcher AGENT_WATCHER = Watcher.account(AGENT_ID, WatcherClass.AGENT);
	static final Watcher SUPERVISOR = Watcher.account(UUID.randomUUID(), WatcherClass.SUPERVISOR);
	static final Watcher OTHER_CUSTOMER = Watcher.account(UUID.randomUUID(), WatcherClass.CUSTOMER);
	static final Watcher CUSTOMER_WATCHER = Watcher.account(CUSTOMER_ID, WatcherClass.CUSTOMER);

	/** Rules in a map instead of the database. */
	static final class Rules implements PrivacyRuleSource {
		final Map<UUID, PrivacyRules> map = new HashMap<>();

		@Override
		public PrivacyRules rules(UUID principal) {
			return map.getOrDefault(principal, PrivacyRules.initial());
		}

		@Override
		public void remember(UUID principal, WatcherRule rule) {
			PrivacyRules r = rules(principal);
			List<WatcherRule> list = new ArrayList<>(r.watchers());
			list.removeIf(w -> w.watcherUri().equals(rule.watcherUri()));
			list.add(rule);
			map.put(principal, new PrivacyRules(r.groups(), list, r.version()));
		}

		void group(UUID principal, WatcherGroup group, SubHandling handling, Visibility visibility) {
			Map<WatcherGroup, AccessDecision> groups = new EnumMap<>(rules(principal).groups());
			groups.put(group, new AccessDecision(handling, visibility));
			map.put(principal, new PrivacyRules(groups, rules(principal).watchers(), 1));
		}
	}

	final Rules rules = new Rules();
	final Set<String> interactions = new HashSet<>();
	final Set<String> invitations = new HashSet<>();
	final CustomerRelations relations = new CustomerRelations() {
		@Override
		public boolean interacted(UUID customer, UUID agent) {
			return interactions.contains(customer + ">" + agent);
		}

		@Override
		public boolean invitedBy(UUID customer, UUID agent) {
			return invitations.contains(customer + ">" + agent);
		}
	};
	final ParleyAccessPolicy policy = new ParleyAccessPolicy(rules, relations);
	final RecordingNotifier notifier = new RecordingNotifier();
	final Presence presence = new Presence(policy, notifier, PresenceEvents.NONE, new TestClock(),
			PresenceSettings.defaults());

	ParleyAccessPolicyTests() {
		presence.publish(CUSTOMER, PresenceTuple.open("portal").withActivities(Activity.MEETING).withNote("back at 3"));
		presence.publish(AGENT, PresenceTuple.open("routing").withActivities(Activity.BUSY));
		presence.publish(STRANGE_AGENT, PresenceTuple.open("routing"));
	}

	@Test
	void aCustomerWatchesAnAgentTheyHadAnInteractionWith() {
		interactions.add(CUSTOMER_ID + ">" + KNOWN_AGENT_ID);
		var fetched = (FetchResult.Fetched) presence.fetch(CUSTOMER_WATCHER, AGENT);
		assertThat(PresenceSummary.of(fetched.document()).has(Activity.BUSY)).isTrue();
	}

	@Test
	void aCustomerCannotLearnThatAnAgentTheyNeverMetExists() {
		assertThat(presence.fetch(CUSTOMER_WATCHER, STRANGE_AGENT)).isSameAs(PresenceNotFound.INSTANCE);
		assertThat(presence.subscribe(CUSTOMER_WATCHER, STRANGE_AGENT, HOUR))
			.isSameAs(presence.subscribe(CUSTOMER_WATCHER, PresentityId.agent(UUID.randomUUID()), HOUR));
	}

	@Test
	void anInvitationIsARelationToo() {
		invitations.add(CUSTOMER_ID + ">" + AGENT_ID);
		assertThat(presence.fetch(CUSTOMER_WATCHER, STRANGE_AGENT)).isInstanceOf(FetchResult.Fetched.class);
	}

	@Test
	void byDefaultAgentsMustAskAndOtherCustomersAreRefusedWithoutLearningTheCustomerExists() {
		var s = (SubscribeResult.Subscribed) presence.subscribe(AGENT_WATCHER, CUSTOMER, HOUR);
		assertThat(s.subscription().state()).isSameAs(SubscriptionState.PENDING);
		assertThat(presence.subscribe(OTHER_CUSTOMER, CUSTOMER, HOUR)).isSameAs(PresenceNotFound.INSTANCE);
		assertThat(presence.fetch(OTHER_CUSTOMER, CUSTOMER)).isSameAs(PresenceNotFound.INSTANCE);
	}

	@Test
	void allowedAgentsSeeWhatTheirClassMaySee() {
		rules.group(CUSTOMER_ID, WatcherGroup.AGENTS, SubHandling.ALLOW, Visibility.BASIC_ONLY);
		rules.group(CUSTOMER_ID, WatcherGroup.SUPERVISORS, SubHandling.ALLOW, Visibility.FULL);
		var agent = (SubscribeResult.Subscribed) presence.subscribe(AGENT_WATCHER, CUSTOMER, HOUR);
		var supervisor = (SubscribeResult.Subscribed) presence.subscribe(SUPERVISOR, CUSTOMER, HOUR);
		assertThat(PresenceSummary.of(agent.document()).open()).isTrue();
		assertThat(PresenceSummary.of(agent.document()).activities()).isEmpty();
		assertThat(PresenceSummary.of(agent.document()).note()).isNull();
		assertThat(PresenceSummary.of(supervisor.document()).note()).isEqualTo("back at 3");
		assertThat(PresenceSummary.of(supervisor.document()).has(Activity.MEETING)).isTrue();
	}

	@Test
	void aPolitelyBlockedWatcherSeesClosedAndHearsNothing() {
		rules.group(CUSTOMER_ID, WatcherGroup.AGENTS, SubHandling.POLITE_BLOCK, Visibility.FULL);
		var s = (SubscribeResult.Subscribed) presence.subscribe(AGENT_WATCHER, CUSTOMER, HOUR);
		assertThat(s.subscription().state()).isInstanceOf(SubscriptionState.Active.class);
		assertThat(s.document()).isEqualTo(PresenceDocument.neutral(CUSTOMER));
		presence.publish(CUSTOMER, PresenceTuple.open("portal").withNote("changed"));
		assertThat(notifier.sentTo(s.subscription())).isEmpty();
	}

	@Test
	void aRuleForOneWatcherWinsOverTheirClass() {
		rules.group(CUSTOMER_ID, WatcherGroup.AGENTS, SubHandling.ALLOW, Visibility.FULL);
		rules.remember(CUSTOMER_ID, new WatcherRule(AGENT_WATCHER.uri(), new AccessDecision(SubHandling.BLOCK,
				Visibility.NOTHING)));
		assertThat(presence.subscribe(AGENT_WATCHER, CUSTOMER, HOUR)).isSameAs(PresenceNotFound.INSTANCE);
		assertThat(presence.subscribe(Watcher.account(UUID.randomUUID(), WatcherClass.AGENT), CUSTOMER, HOUR))
			.isInstanceOf(SubscribeResult.Subscribed.class);
	}

	@Test
	void approvalIsRememberedAsARuleForThatWatcher() {
		var s = (SubscribeResult.Subscribed) presence.subscribe(AGENT_WATCHER, CUSTOMER, HOUR);
		presence.approve(CUSTOMER, s.subscription().id());
		assertThat(rules.rules(CUSTOMER_ID).forWatcher(AGENT_WATCHER.uri()))
			.hasValue(AccessDecision.allow(Visibility.FULL));
		assertThat(notifier.sentTo(s.subscription())).last()
			.satisfies(doc -> assertThat(PresenceSummary.of(doc).note()).isEqualTo("back at 3"));
	}

	@Test
	void changedRulesApplyToLiveSubscriptionsAtOnce() {
		var pending = (SubscribeResult.Subscribed) presence.subscribe(AGENT_WATCHER, CUSTOMER, HOUR);
		rules.group(CUSTOMER_ID, WatcherGroup.AGENTS, SubHandling.ALLOW, Visibility.BASIC_ONLY);
		presence.reauthorize(CUSTOMER);
		assertThat(pending.subscription().state()).isInstanceOf(SubscriptionState.Active.class);
		assertThat(notifier.sentTo(pending.subscription())).last()
			.isEqualTo(PresenceDocument.of(CUSTOMER, PresenceTuple.open(PresenceDocument.NEUTRAL_TUPLE)));

		rules.group(CUSTOMER_ID, WatcherGroup.AGENTS, SubHandling.BLOCK, Visibility.NOTHING);
		presence.reauthorize(CUSTOMER);
		assertThat(pending.subscription().state())
			.isEqualTo(new SubscriptionState.Terminated(TerminationReason.REJECTED));
		assertThat(presence.watchers(CUSTOMER)).isEmpty();
	}

	@Test
	void supervisorsWatchingAnAgentAreInvisibleToTheAgent() {
		presence.subscribe(SUPERVISOR, STRANGE_AGENT, HOUR);
		presence.subscribe(Watcher.account(UUID.randomUUID(), WatcherClass.AGENT), STRANGE_AGENT, HOUR);
		var all = presence.watchers(STRANGE_AGENT);
		assertThat(all).hasSize(2);
		assertThat(AgentPresence.visibleToAgent(all, true)).singleElement()
			.satisfies(w -> assertThat(w.watcher().watcherClass()).isEqualTo(WatcherClass.AGENT));
		assertThat(AgentPresence.visibleToAgent(all, false)).hasSize(2);
	}

	@Test
	void theCustomerAndParleyAlwaysSeeEverything() {
		rules.group(CUSTOMER_ID, WatcherGroup.OTHERS, SubHandling.BLOCK, Visibility.NOTHING);
		var self = (FetchResult.Fetched) presence.fetch(Watcher.account(CUSTOMER_ID, WatcherClass.SELF), CUSTOMER);
		assertThat(PresenceSummary.of(self.document()).note()).isEqualTo("back at 3");
		assertThat(presence.fetch(new Watcher("urn:parley:routing", WatcherClass.SERVICE), CUSTOMER))
			.isInstanceOf(FetchResult.Fetched.class);
	}
}
