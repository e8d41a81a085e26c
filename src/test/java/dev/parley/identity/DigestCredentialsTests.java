package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ParleyIntegrationTest;

/** Digest HA1 values kept for SIP: made with the password and with each token, gone with a revoked token. */
@ParleyIntegrationTest
class DigestCredentialsTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	DigestCredentials digest;

	@Test
	void verifiesAnswersMadeWithThePasswordInEveryAlgorithm() {
		var account = AccountFixtures.account(identity, Role.AGENT);
		for (DigestAlgorithm alg : DigestAlgorithm.values()) {
			assertThat(digest.verify(answer(alg, account.username(), AccountFixtures.PASSWORD)).map(Account::id))
				.contains(account.id());
			assertThat(digest.verify(answer(alg, account.username(), "not-the-password"))).isEmpty();
		}
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, "nobody-" + account.username(), AccountFixtures.PASSWORD)))
			.isEmpty();
	}

	@Test
	void anApiTokenIsASipPasswordUntilRevoked() {
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		assertThat(digest.verify(answer(DigestAlgorithm.SHA_256, me.username(), me.token())).map(Account::id))
			.contains(me.account().id());
		tokens.revoke(me.account().id(), tokens.list(me.account().id()).get(0).id());
		assertThat(digest.verify(answer(DigestAlgorithm.SHA_256, me.username(), me.token()))).isEmpty();
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, me.username(), AccountFixtures.PASSWORD))).isPresent();
	}

	private DigestAnswer answer(DigestAlgorithm alg, String username, String secret) {
		String ha1 = alg.hash(username + ":" + digest.realm() + ":" + secret);
		String ha2 = alg.hash("PUBLISH:sip:agent-x@parley.local");
		String middle = "nonce123:00000001:cn:auth";
		return new DigestAnswer(username, alg, middle, ha2, alg.hash(ha1 + ":" + middle + ":" + ha2));
	}
}
