package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.agent.AgentStates;
import dev.parley.common.AgentId;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Presence;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Watcher;
import dev.parley.presence.WatcherClass;
import dev.parley.testing.AccountFixtures;

@SipTest
class SipWatcherTests {

	@Value("${parley.sip.port}")
	int sipPort;

	@Autowired
	Presence presence;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PresencePrivacy privacy;

	@Autowired
	AgentStates agentStates;

	@Test
	void watcherGetsOkThenNotifyWithPidfReflectingAChangeMadeThroughThePresenceService() throws Exception {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		presence.register(presentity);
		var run = new Sipp(sipPort).service(presentity.userPart()).auth(supervisor.username(), AccountFixtures.PASSWORD)
			.start("watch.xml", Map.of("expect", "<basic>open</basic>"));
		waitForNotify(run);
		presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		var result = run.await();
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(result.messages()).contains("Event: presence").contains("entity=\"pres:" + presentity.userPart());
	}

	@Test
	void aWatcherOverTcpGetsItsNotifiesOverItsOwnConnection() throws Exception {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		presence.register(presentity);
		var run = new Sipp(sipPort).tcp().service(presentity.userPart()).auth(supervisor.username(), AccountFixtures.PASSWORD)
			.start("watch.xml", Map.of("expect", "tuple id=.voice"));
		waitForNotify(run);
		presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		var result = run.await();
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(result.messages()).contains("Via: SIP/2.0/TCP").contains("transport=tcp");
	}

	@Test
	void aSupervisorWatchesAnAgentNobodyWatchedBeforeAndSeesTheStateRoutingSets() throws Exception {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		assertThat(presence.exists(presentity)).isFalse();
		var run = new Sipp(sipPort).service(presentity.userPart()).auth(supervisor.username(), AccountFixtures.PASSWORD)
			.start("watch.xml", Map.of("expect", "<basic>open</basic>"));
		waitForNotify(run);
		agentStates.change(new AgentId(agent.id().value()), "ready", null);
		var result = run.await();
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(result.messages()).contains("Subscription-State: active");
	}

	@Test
	void watcherSeesAChangeMadeBySippPublish() throws Exception {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		presence.register(presentity);
		var watch = new Sipp(sipPort).service(presentity.userPart()).auth(supervisor.username(), AccountFixtures.PASSWORD)
			.start("watch.xml", Map.of("expect", "tuple id=.sipphone"));
		waitForNotify(watch);
		var publish = new Sipp(sipPort).service(presentity.userPart()).auth(agent.username(), AccountFixtures.PASSWORD)
			.run("publish-once.xml", Map.of());
		assertThat(publish.passed()).as(publish.toString()).isTrue();
		var result = watch.await();
		assertThat(result.passed()).as(result.toString()).isTrue();
	}

	@Test
	void unknownPresentityIsAnsweredExactlyLikeOneThatRefusesOrHasNotYetApprovedTheWatcher() {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		var other = AccountFixtures.account(identity, Role.CUSTOMER);
		var blocking = AccountFixtures.account(identity, Role.CUSTOMER);
		PresentityId existing = PresentityId.customer(other.id().value());
		PresentityId refusing = PresentityId.customer(blocking.id().value());
		PresentityId unknown = PresentityId.customer(java.util.UUID.randomUUID());
		presence.setStatus(existing, "web", BasicStatus.OPEN);
		presence.setStatus(refusing, "web", BasicStatus.OPEN);
		privacy.setWatcherRule(blocking.id().value(),
				Watcher.account(customer.id().value(), WatcherClass.CUSTOMER).uri(), "block", "nothing");
		List<String> seen = new java.util.ArrayList<>();
		for (PresentityId p : List.of(unknown, existing, refusing)) {
			var result = new Sipp(sipPort).service(p.userPart()).auth(customer.username(), AccountFixtures.PASSWORD)
				.run("pending.xml", Map.of());
			assertThat(result.passed()).as(result.toString()).isTrue();
			seen.add(notifyOf(result.messages()).replace(p.userPart(), "PRESENTITY"));
		}
		assertThat(seen.get(1)).isEqualTo(seen.get(0));
		assertThat(seen.get(2)).isEqualTo(seen.get(0));
	}

	/** The first NOTIFY's Subscription-State and body: what a watcher can learn. */
	private static String notifyOf(String messages) {
		String notify = messages.substring(messages.indexOf("NOTIFY sip:"));
		String state = notify.lines().filter(l -> l.startsWith("Subscription-State:")).findFirst().orElseThrow();
		String body = notify.substring(notify.indexOf("<?xml"), notify.indexOf("</presence>"));
		return state + "\n" + body;
	}

	static void waitForNotify(Sipp.Running run) throws InterruptedException {
		for (int i = 0; i < 100 && !run.messagesSoFar().contains("NOTIFY sip:"); i++) {
			Thread.sleep(100);
		}
	}
}
