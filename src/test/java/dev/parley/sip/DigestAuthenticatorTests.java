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

/**
 * Which challenges a 401 carries. libre-based softphones (baresip) give up on a 401 with any challenge they cannot
 * answer, even when another in it is MD5; so by default there is one, MD5, and SHA-256 is the operator's choice.
 */
class DigestAuthenticatorTests {

	static List<String> challenges(SipSettings settings) {
		var authenticator = new DigestAuthenticator(answer -> Optional.empty(), "parley.local", Duration.ofMinutes(5),
				Clock.systemUTC(), settings.algorithms());
		return authenticator.challenge(false, "Unauthorized").response().headers().stream()
			.filter(h -> h.getKey().equals("WWW-Authenticate")).map(Map.Entry::getValue).toList();
	}

	@Test
	void byDefaultA401CarriesOneMd5ChallengeThatEverySoftphoneAnswers() {
		assertThat(challenges(SipSettings.defaults())).singleElement()
			.satisfies(c -> assertThat(c).contains("algorithm=MD5").contains("qop=\"auth\""));
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
}
