package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Presence;
import dev.parley.presence.PresentityId;
import dev.parley.testing.AccountFixtures;

@SipTest
class SipWatcherTests {

	@Value("${parley.sip.port}")
	int sipPort;

	@Autowired
	Presence presence;

	@Autowired
	IdentityManagement identity;

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

	static void waitForNotify(Sipp.Running run) throws InterruptedException {
		for (int i = 0; i < 100 && !run.messagesSoFar().contains("NOTIFY sip:"); i++) {
			Thread.sleep(100);
		}
	}
}
