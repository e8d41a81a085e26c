package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.identity.internal.DigestCache;
import dev.parley.identity.internal.DigestStore;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Digest HA1 values kept for SIP: made with the password and with each token, gone with a revoked token. The
 * usable ones are kept in memory a few seconds (DigestCache): every test first makes a verification keep them,
 * then changes them and checks the very next verification sees the change.
 */
@ParleyIntegrationTest
class DigestCredentialsTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	DigestCredentials digest;

	@Autowired
	DigestStore store;

	@Autowired
	DigestCache cache;

	@Autowired
	PlatformTransactionManager transactions;

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

	@Test
	void aTokenIssuedWhileTheAccountsRowsAreKeptWorksAtOnce() {
		var account = AccountFixtures.account(identity, Role.AGENT);
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, account.username(), AccountFixtures.PASSWORD))).isPresent();
		String token = tokens.issue(account.id(), "phone", null).secret();
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, account.username(), token)).map(Account::id))
			.contains(account.id());
	}

	@Test
	void aUsernameKeptAsUnknownWorksAsSoonAsItIsRegistered() {
		String name = AccountFixtures.uniqueName("later");
		assertThat(digest.verify(answer(DigestAlgorithm.SHA_256, name.toUpperCase(), AccountFixtures.PASSWORD))).isEmpty();
		var account = identity.open(new NewAccount(name, AccountFixtures.PASSWORD, "Later", Role.CUSTOMER));
		assertThat(digest.verify(answer(DigestAlgorithm.SHA_256, name, AccountFixtures.PASSWORD)).map(Account::id))
			.contains(account.id());
	}

	@Test
	void aPasswordHa1StoredWhileTheRowsAreKeptWorksAtOnceAndARenameShows() {
		var account = AccountFixtures.account(identity, Role.AGENT);
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, account.username(), AccountFixtures.PASSWORD))).isPresent();
		String password = "a-new-password";
		for (DigestAlgorithm alg : DigestAlgorithm.values()) { // what setting a password stores
			store.insert(account.id(), null, digest.realm(), alg.token(),
					alg.hash(account.username() + ":" + digest.realm() + ":" + password), Instant.now());
		}
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, account.username(), password))).isPresent();
		identity.rename(account.id(), "Renamed");
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, account.username(), password)).map(Account::displayName))
			.contains("Renamed");
	}

	@Test
	void aTokenIsCheckedForExpiryWhenVerifiedNotWhenItsRowWasRead() {
		var account = AccountFixtures.account(identity, Role.AGENT);
		String token = tokens.issue(account.id(), "one day", 1).secret();
		var twoDaysLater = new DigestCredentials(store, cache, new IdentitySettings(digest.realm(), null, null, null),
				Optional.of(Clock.offset(Clock.systemUTC(), Duration.ofDays(2))));
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, account.username(), token))).isPresent();
		assertThat(twoDaysLater.verify(answer(DigestAlgorithm.MD5, account.username(), token))).isEmpty();
		assertThat(twoDaysLater.verify(answer(DigestAlgorithm.MD5, account.username(), AccountFixtures.PASSWORD)))
			.isPresent();
	}

	@Test
	void aRequestThatReadsWhileARevocationIsUncommittedCannotKeepTheTokenAlive() {
		var me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		UUID tokenId = tokens.list(me.account().id()).get(0).id();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			tokens.revoke(me.account().id(), tokenId);
			// another request, on another thread, still reads the committed rows (the token valid) and keeps them
			assertThat(CompletableFuture.supplyAsync(() -> digest.verify(answer(DigestAlgorithm.MD5, me.username(), me.token())))
				.join()).isPresent();
		});
		assertThat(digest.verify(answer(DigestAlgorithm.MD5, me.username(), me.token()))).isEmpty();
	}

	private DigestAnswer answer(DigestAlgorithm alg, String username, String secret) {
		String ha1 = alg.hash(username + ":" + digest.realm() + ":" + secret);
		String ha2 = alg.hash("PUBLISH:sip:agent-x@parley.local");
		String middle = "nonce123:00000001:cn:auth";
		return new DigestAnswer(username, alg, middle, ha2, alg.hash(ha1 + ":" + middle + ":" + ha2));
	}
}
