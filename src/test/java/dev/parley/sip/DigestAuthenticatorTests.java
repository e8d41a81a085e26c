package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.Role;
import dev.parley.sip.internal.DigestNonces;

/**
 * Which challenges a 401 carries. libre-based softphones (baresip) give up on a 401 with any challenge they cannot
 * answer, even when another in it is MD5; so by default there is one, MD5, and SHA-256 is the operator's choice.
 */
class DigestAuthenticatorTests {

	static List<String> challenges(SipSettings settings) {
		var authenticator = new DigestAuthenticator(answer -> Optional.empty(), "parley.local", Duration.ofMinutes(5),
				Clock.systemUTC(), settings.algorithms(), DigestNonces.inMemory());
		return authenticator.challenge(false, "Unauthorized").response().headers().stream()
			.filter(h -> h.getKey().equals("WWW-Authenticate")).map(Map.Entry::getValue).toList();
	}

	@Test
	void byDefaultA401CarriesOneMd5ChallengeThatEverySoftphoneAnswers() {
		assertThat(challenges(SipSettings.defaults())).singleElement()
			.satisfies(c -> assertThat(c).contains("algorithm=MD5").contains("qop=\"auth,auth-int\""));
	}

	@Test
	void anOperatorWhoListsSha256GetsOneChallengePerAlgorithmInTheOrderGiven() {
		assertThat(challenges(SipSettings.defaults().withDigestAlgorithms(List.of("sha-256", "MD5"))))
			.satisfiesExactly(c -> assertThat(c).contains("algorithm=SHA-256"), c -> assertThat(c).contains("algorithm=MD5"));
		assertThat(challenges(SipSettings.defaults().withDigestAlgorithms(List.of("SHA-256")))).singleElement()
			.satisfies(c -> assertThat(c).contains("algorithm=SHA-256"));
	}

	@Test
	void aClientAnswersWithAnyOfferedAlgorithmAndAnAlgorithmNotOfferedIsChallengedAgain() {
		var sip = new SipHarness();
		var supervisor = sip.account(Role.SUPERVISOR);
		var request = new FakeSip.Request("SUBSCRIBE", "queue-billing").header("Event", "presence");
		assertThat(sip.send(request, supervisor, SipHarness.PASSWORD, DigestAlgorithm.SHA_256).status()).isEqualTo(200);
		var md5Only = new SipHarness(List.of(DigestAlgorithm.MD5));
		var again = md5Only.send(new FakeSip.Request("SUBSCRIBE", "queue-billing").header("Event", "presence"),
				md5Only.account(Role.SUPERVISOR), SipHarness.PASSWORD, DigestAlgorithm.SHA_256);
		assertThat(again.status()).isEqualTo(401);
	}

	// --- replay (RFC 7616 s3.4, RFC 3261 s22.4) ---------------------------------------------------------------

	final SipHarness sip = new SipHarness();

	final dev.parley.identity.Account agent = sip.account(Role.AGENT);

	final dev.parley.presence.PresentityId presentity = dev.parley.presence.PresentityId.agent(agent.id().value());

	FakeSip.Request publish(String note) {
		return new FakeSip.Request("PUBLISH", presentity.userPart()).header("Event", "presence").header("Expires", "600")
			.body("application/pidf+xml", "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:"
					+ presentity.userPart() + "@parley.local\"><tuple id=\"desk\"><status><basic>open</basic></status>"
					+ "<note>" + note + "</note></tuple></presence>");
	}

	/** An Authorization header for {@code request} as a client computes it (password {@link SipHarness#PASSWORD}). */
	String authorization(FakeSip.Request request, String nonce, String nc, String qop) {
		SipRequest r = request.build();
		DigestAlgorithm md5 = DigestAlgorithm.MD5;
		String ha1 = md5.hash(agent.username() + ":" + SipHarness.REALM + ":" + SipHarness.PASSWORD);
		String a2 = r.method() + ":" + r.requestUri();
		String ha2 = md5.hash("auth-int".equals(qop) ? a2 + ":" + md5.hash(r.body()) : a2);
		String middle = qop == null ? nonce : nonce + ":" + nc + ":c0ffee:" + qop;
		return "Digest username=\"" + agent.username() + "\", realm=\"" + SipHarness.REALM + "\", nonce=\"" + nonce
				+ "\", uri=\"" + r.requestUri() + "\", response=\"" + md5.hash(ha1 + ":" + middle + ":" + ha2)
				+ "\", algorithm=MD5" + (qop == null ? "" : ", qop=" + qop + ", nc=" + nc + ", cnonce=\"c0ffee\"");
	}

	String note() {
		return sip.presence.current(presentity).map(d -> d.tuples().stream().filter(t -> t.id().equals("desk"))
			.map(t -> String.valueOf(t.note())).findFirst().orElse("none")).orElse("none");
	}

	@Test
	void aCapturedAnswerReplayedFromElsewhereWithAnotherBodyIs401StaleAndChangesNothing() {
		String nonce = sip.authenticator.newNonce();
		var original = publish("at my desk");
		String captured = authorization(original, nonce, "00000001", "auth");
		assertThat(sip.send(original.header("Authorization", captured)).status()).isEqualTo(200);
		assertThat(note()).contains("at my desk");

		var replay = sip.send(publish("gone fishing").from("198.51.100.7").header("Authorization", captured));
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.response.header("WWW-Authenticate")).contains("stale=true").doesNotContain(nonce);
		assertThat(note()).as("nothing changed").contains("at my desk");
	}

	@Test
	void anHonestClientCountsUpOnOneNonceAndACountUsedAlreadyIsStale() {
		String nonce = sip.authenticator.newNonce();
		for (String nc : List.of("00000001", "00000002", "0000000a")) {
			var r = publish("count " + nc);
			assertThat(sip.send(r.header("Authorization", authorization(r, nonce, nc, "auth"))).status()).as(nc)
				.isEqualTo(200);
		}
		for (String nc : List.of("0000000a", "00000003", "00000001")) {
			var r = publish("again " + nc);
			assertThat(sip.send(r.header("Authorization", authorization(r, nonce, nc, "auth"))).status()).as(nc)
				.isEqualTo(401);
		}
		assertThat(note()).contains("count 0000000a");
	}

	@Test
	void withoutQopANonceIsGoodForOneRequest() {
		String nonce = sip.authenticator.newNonce();
		var first = publish("first");
		assertThat(sip.send(first.header("Authorization", authorization(first, nonce, null, null))).status())
			.isEqualTo(200);
		var second = publish("second");
		assertThat(sip.send(second.header("Authorization", authorization(second, nonce, null, null))).status())
			.isEqualTo(401);
		assertThat(note()).contains("first");
	}

	@Test
	void authIntCoversTheBodySoAnAnswerForOneBodyIsRefusedWithAnother() {
		String nonce = sip.authenticator.newNonce();
		String forThisBody = authorization(publish("mine"), nonce, "00000001", "auth-int");
		var tampered = sip.send(publish("theirs").header("Authorization", forThisBody));
		assertThat(tampered.status()).as("the digest does not match the body").isEqualTo(403);
		assertThat(note()).isEqualTo("none");
		var r = publish("mine");
		assertThat(sip.send(r.header("Authorization", authorization(r, nonce, "00000002", "auth-int"))).status())
			.isEqualTo(200);
		assertThat(note()).contains("mine");
	}

	@Test
	void anExpiredNonceWithTheRightPasswordIsStaleAndAWrongPasswordIs403() {
		String nonce = sip.authenticator.newNonce();
		sip.advance(Duration.ofMinutes(6));
		var r = publish("late");
		var late = sip.send(r.header("Authorization", authorization(r, nonce, "00000001", "auth")));
		assertThat(late.status()).isEqualTo(401);
		assertThat(late.response.header("WWW-Authenticate")).contains("stale=true");
		var wrong = publish("wrong");
		String forged = authorization(wrong, sip.authenticator.newNonce(), "00000001", "auth").replaceFirst(
				"response=\"[0-9a-f]+\"", "response=\"" + "0".repeat(32) + "\"");
		assertThat(sip.send(wrong.header("Authorization", forged)).status()).isEqualTo(403);
	}
}
