package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.DigestAnswer;
import dev.parley.identity.Role;
import dev.parley.sip.internal.JdbcDigestNonces;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Two nodes sharing the database (H2 and PostgreSQL): a nonce one node gave is good on the other, and an answer taken
 * on one is refused on the other as stale, so a client balanced over both signs in and a replay gets nowhere.
 */
@ParleyIntegrationTest
class SipDigestTwoNodeTests {

	@Autowired
	JdbcTemplate jdbc;

	final Account account = new Account(new AccountId(java.util.UUID.randomUUID()), "sam", "Sam", Role.SUPERVISOR, true,
			Instant.now());

	DigestAuthenticator node() {
		return new DigestAuthenticator(this::verify, SipHarness.REALM, Duration.ofMinutes(5), Clock.systemUTC(),
				List.of(DigestAlgorithm.MD5), new JdbcDigestNonces(jdbc));
	}

	Optional<Account> verify(DigestAnswer answer) {
		String ha1 = answer.algorithm().hash("sam:" + SipHarness.REALM + ":" + SipHarness.PASSWORD);
		return answer.algorithm().hash(ha1 + ":" + answer.middle() + ":" + answer.ha2()).equals(answer.response())
				? Optional.of(account) : Optional.empty();
	}

	SipRequest subscribe(String nonce, String nc) {
		var request = new FakeSip.Request("SUBSCRIBE", "queue-billing").header("Event", "presence");
		String uri = request.build().requestUri();
		DigestAlgorithm md5 = DigestAlgorithm.MD5;
		String ha1 = md5.hash("sam:" + SipHarness.REALM + ":" + SipHarness.PASSWORD);
		String response = md5.hash(ha1 + ":" + nonce + ":" + nc + ":abc:auth:" + md5.hash("SUBSCRIBE:" + uri));
		return request.header("Authorization", "Digest username=\"sam\", realm=\"" + SipHarness.REALM + "\", nonce=\""
				+ nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + nc
				+ ", cnonce=\"abc\"").build();
	}

	@Test
	void aNonceFromOneNodeIsGoodOnTheOtherAndAnAnswerIsTakenOnceAcrossBoth() {
		DigestAuthenticator a = node();
		DigestAuthenticator b = node();
		String nonce = a.newNonce();
		assertThat(b.authenticate(subscribe(nonce, "00000001"))).isInstanceOf(DigestAuthenticator.Authenticated.class);
		var replay = a.authenticate(subscribe(nonce, "00000001"));
		assertThat(replay).isInstanceOf(DigestAuthenticator.Refused.class);
		var refused = ((DigestAuthenticator.Refused) replay).response();
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).contains("stale=true");
		assertThat(a.authenticate(subscribe(nonce, "00000002"))).isInstanceOf(DigestAuthenticator.Authenticated.class);
	}
}
