package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.presence.Activity;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.testing.AccountFixtures;

@SipTest
class SipPublisherTests {

	@Value("${parley.sip.port}")
	int sipPort;

	@Autowired
	Presence presence;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Test
	void publisherPublishesRefreshesModifiesAndRemovesWithEntityTags() throws Exception {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		var run = new Sipp(sipPort).service(presentity.userPart()).auth(agent.username(), AccountFixtures.PASSWORD)
			.start("publish.xml", Map.of());
		boolean modified = waitFor(presentity, doc -> doc.indexOf("sipphone") >= 0
				&& doc.tuples().get(doc.indexOf("sipphone")).activities().equals(Set.of(Activity.ON_THE_PHONE)));
		var result = run.await();
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(modified).as("the modify reached the presence service").isTrue();
		assertThat(presence.current(presentity).orElseThrow().indexOf("sipphone")).as("removed").isEqualTo(-1);
		var etags = Pattern.compile("SIP-ETag: *(\\S+)").matcher(result.messages()).results().map(m -> m.group(1))
			.distinct().count();
		assertThat(etags).as("a new entity tag for the initial, refresh and modify").isEqualTo(3);
	}

	@Test
	void anApiTokenServesAsTheSipPassword() {
		var me = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		PresentityId presentity = PresentityId.agent(me.id());
		var result = new Sipp(sipPort).service(presentity.userPart()).auth(me.username(), me.token())
			.run("publish-once.xml", Map.of());
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(presence.current(presentity).orElseThrow().indexOf("sipphone")).isGreaterThanOrEqualTo(0);
	}

	@Test
	void anotherAccountMayNotPublishForAnAgent() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		var other = AccountFixtures.account(identity, Role.AGENT);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		var result = new Sipp(sipPort).service(presentity.userPart()).auth(other.username(), AccountFixtures.PASSWORD)
			.run("expect-auth.xml", SipErrorTests.publish("Expires: 600", SipErrorTests.pidf(presentity), 403, "403 Forbidden"));
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertThat(presence.current(presentity)).isEmpty();
	}

	private boolean waitFor(PresentityId presentity, Predicate<PresenceDocument> condition) throws InterruptedException {
		for (int i = 0; i < 150; i++) {
			var doc = presence.current(presentity);
			if (doc.isPresent() && condition.test(doc.get())) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}
}
