package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Presence;
import dev.parley.presence.PresentityId;
import dev.parley.testing.AccountFixtures;

/** What sipp cannot send: broken SIP, entity bombs, a flood from one source. Parley answers and keeps running. */
@SipTest
class SipRawMessageTests {

	@Value("${parley.sip.port}")
	int sipPort;

	@Autowired
	Presence presence;

	@Autowired
	IdentityManagement identity;

	@Test
	void malformedSipIsDroppedOrRefusedAndTheServiceKeepsRunning() {
		try (RawSip sip = new RawSip(sipPort)) {
			sip.send("this is not SIP at all\n\n");
			sip.send("OPTIONS sip:x@parley.local SIP/2.0\nVia: nonsense\nCSeq: abc\n\n");
			sip.send(sip.request("OPTIONS", "x", 1, "c1", "", null).replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
			drain(sip);
			sip.send(sip.request("OPTIONS", "x", 1, "ok-after-garbage", "", null));
			assertThat(firstLineOf(sip, "ok-after-garbage")).isEqualTo("SIP/2.0 200 OK");
		}
	}

	@Test
	void anInviteIsAnswered405WithAllowAndNeitherItsAckNorItsRetransmissionIsHandledAgain() {
		try (RawSip sip = new RawSip(sipPort)) {
			String invite = sip.request("INVITE", "agent-x", 1, "invite-405", "", null);
			sip.send(invite);
			String answer = sip.receive();
			assertThat(answer).startsWith("SIP/2.0 405 Method Not Allowed")
				.contains("Allow: SUBSCRIBE, NOTIFY, PUBLISH, OPTIONS");
			String to = answer.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
			// the ACK of a non-2xx answer: the INVITE's branch, the answer's To tag (RFC 3261 s17.1.1.3)
			sip.send(invite.replace("INVITE sip:", "ACK sip:").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
				.replaceFirst("To: <[^\n]*", to));
			sip.send(invite);
			assertThat(sip.receive()).as("a retransmitted INVITE gets the kept answer").isEqualTo(answer);
			assertThat(sip.receive()).as("nothing answers an ACK").isNull();
		}
	}

	@Test
	void aCapturedAuthorizationReplayedFromAnotherPortWithANewCallIdAndBodyIs401StaleAndChangesNothing() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		String captured;
		try (RawSip sip = new RawSip(sipPort)) {
			String ok = sip.withDigest("PUBLISH", presentity.userPart(), "Event: presence\nExpires: 600\n"
					+ "Content-Type: application/pidf+xml\n", note(presentity, "at my desk"), agent.username(),
					AccountFixtures.PASSWORD);
			assertThat(ok).startsWith("SIP/2.0 200");
			captured = sip.lastAuthorization();
		}
		var before = presence.current(presentity).orElseThrow();
		assertThat(before.tuples()).anySatisfy(t -> assertThat(t.note()).isEqualTo("at my desk"));
		try (RawSip attacker = new RawSip(sipPort)) {
			for (int i = 0; i < 3; i++) {
				attacker.send(attacker.request("PUBLISH", presentity.userPart(), 1, "replay-" + i, "Event: presence\n"
						+ "Expires: 600\nContent-Type: application/pidf+xml\n" + captured, note(presentity, "gone fishing")));
				String answer = attacker.receive();
				assertThat(answer).startsWith("SIP/2.0 401").contains("stale=true");
			}
			attacker.send(attacker.request("SUBSCRIBE", presentity.userPart(), 1, "replay-sub", "Event: presence\n"
					+ captured.replace("PUBLISH", "SUBSCRIBE"), null));
			assertThat(attacker.receive()).as("nor for another method").matches("(?s)SIP/2.0 40[13].*");
		}
		assertThat(presence.current(presentity)).as("nothing changed").contains(before);
	}

	private static String note(PresentityId presentity, String note) {
		return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:" + presentity.userPart()
				+ "@parley.local\"><tuple id=\"desk\"><status><basic>open</basic></status><note>" + note
				+ "</note></tuple></presence>";
	}

	@Test
	void entityExpansionBombIs400AndChangesNothing() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		var before = presence.current(presentity).orElseThrow();
		String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
				+ "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:"
				+ presentity.userPart() + "@parley.local\"><tuple id=\"t\"><status><basic>closed</basic></status>"
				+ "<note>&lol3;</note></tuple></presence>";
		try (RawSip sip = new RawSip(sipPort)) {
			String answer = sip.withDigest("PUBLISH", presentity.userPart(),
					"Event: presence\nExpires: 600\nContent-Type: application/pidf+xml\n", bomb, agent.username(),
					AccountFixtures.PASSWORD);
			assertThat(answer).startsWith("SIP/2.0 400 Bad Request (body");
		}
		assertThat(presence.current(presentity)).contains(before);
	}

	@Test
	void wrongDigestAnswersLockTheUsernameFromThatAddressSoEvenTheRightOneGets503WithRetryAfter() {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		PresentityId presentity = PresentityId.agent(agent.id().value());
		String body = "<?xml version=\"1.0\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:"
				+ presentity.userPart() + "@parley.local\"><tuple id=\"t\"><status><basic>open</basic></status></tuple></presence>";
		String headers = "Event: presence\nExpires: 600\nContent-Type: application/pidf+xml\n";
		try (RawSip sip = new RawSip(sipPort)) {
			for (int i = 0; i < 6; i++) { // five free failures, the sixth locks
				assertThat(sip.withDigest("PUBLISH", presentity.userPart(), headers, body, agent.username(), "guess-" + i))
					.startsWith("SIP/2.0 403");
			}
			String refused = sip.withDigest("PUBLISH", presentity.userPart(), headers, body, agent.username(),
					AccountFixtures.PASSWORD);
			assertThat(refused).startsWith("SIP/2.0 503").containsPattern("Retry-After: [1-9]");
		}
		assertThat(presence.current(presentity)).isEmpty();
	}

	@Test
	void aFloodFromOneSourceGets503WithRetryAfterAndTheServiceKeepsRunning() throws Exception {
		List<String> answers = new ArrayList<>();
		try (RawSip sip = new RawSip(sipPort)) {
			for (int i = 0; i < 200; i++) {
				sip.send(sip.request("SUBSCRIBE", "queue-billing", 1, "flood-" + i, "Event: presence\n", null));
			}
			for (String m = sip.receive(); m != null; m = sip.receive()) {
				answers.add(m);
			}
			assertThat(answers).anyMatch(a -> a.startsWith("SIP/2.0 503") && a.contains("Retry-After: 1"));
			assertThat(answers).anyMatch(a -> a.startsWith("SIP/2.0 401"));
			Thread.sleep(2500);
			sip.send(sip.request("OPTIONS", "x", 1, "after-flood", "", null));
			assertThat(firstLineOf(sip, "after-flood")).isEqualTo("SIP/2.0 200 OK");
		}
	}

	private static void drain(RawSip sip) {
		while (sip.receive() != null) {
			// answers to the broken requests, if the stack gave any
		}
	}

	private static String firstLineOf(RawSip sip, String callId) {
		for (String m = sip.receive(); m != null; m = sip.receive()) {
			if (m.contains("Call-ID: " + callId)) {
				return m.lines().findFirst().orElse("");
			}
		}
		return "no answer";
	}
}
