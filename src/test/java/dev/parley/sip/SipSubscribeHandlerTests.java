package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.Role;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.PresentityId;

/** SUBSCRIBE and NOTIFY over the fake transport (RFC 6665, RFC 3856, RFC 3857). */
class SipSubscribeHandlerTests {

	final SipHarness sip = new SipHarness();

	final Account supervisor = sip.account(Role.SUPERVISOR);

	final Account agent = sip.account(Role.AGENT);

	final PresentityId presentity = PresentityId.agent(agent.id().value());

	FakeSip.Request subscribe(PresentityId p) {
		return new FakeSip.Request("SUBSCRIBE", p.userPart()).header("Event", "presence").header("Expires", "600");
	}

	@Test
	void acceptsWith200ThenNotifiesAtOnceAndOnEveryChange() {
		sip.presence.register(presentity);
		var ex = sip.send(subscribe(presentity), supervisor);
		assertThat(ex.status()).isEqualTo(200);
		assertThat(ex.response.header("Expires")).isEqualTo("600");
		var first = ex.dialog.last();
		assertThat(first.state()).isEqualTo("active;expires=600");
		assertThat(first.headers()).containsEntry("Event", "presence");
		assertThat(first.contentType()).isEqualTo("application/pidf+xml");
		sip.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		sip.runDue();
		assertThat(ex.dialog.notifies).hasSize(2);
		assertThat(ex.dialog.last().body()).contains("<tuple id=\"voice\">").contains("<basic>open</basic>");
	}

	@Test
	void keepsTheEventIdInEveryNotify() {
		sip.presence.register(presentity);
		var withId = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence;id=42"),
				supervisor);
		assertThat(withId.dialog.last().headers()).containsEntry("Event", "presence;id=42");
	}

	@Test
	void refusesOtherPackagesWith489AndAllowEvents() {
		var ex = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "dialog"));
		assertThat(ex.status()).isEqualTo(489);
		assertThat(ex.response.header("Allow-Events")).isEqualTo("presence, presence.winfo");
		assertThat(sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart())).status()).isEqualTo(489);
	}

	@Test
	void refusesTooBriefExpiryWith423AndMinExpires() {
		var ex = sip.send(subscribe(presentity).header("Expires", "1"));
		assertThat(ex.status()).isEqualTo(423);
		assertThat(ex.response.header("Min-Expires")).isEqualTo("60");
	}

	@Test
	void refusesWatchersThatAcceptNoPidfWith406() {
		var ex = sip.send(subscribe(presentity).header("Accept", "application/xpidf+xml"), supervisor);
		assertThat(ex.status()).isEqualTo(406);
		assertThat(sip.send(subscribe(presentity).header("Accept", "application/*"), supervisor).status()).isNotEqualTo(406);
	}

	@Test
	void challengesWithoutCredentialsAndRefusesWrongOnes() {
		var none = sip.send(subscribe(presentity));
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.response.headers()).filteredOn(h -> h.getKey().equals("WWW-Authenticate")).hasSize(2)
			.first().satisfies(h -> assertThat(h.getValue()).contains("algorithm=SHA-256").contains("qop=\"auth,auth-int\""));
		assertThat(sip.send(subscribe(presentity), supervisor, "wrong", DigestAlgorithm.MD5).status()).isEqualTo(403);
		assertThat(sip.send(subscribe(presentity), supervisor, SipHarness.PASSWORD, DigestAlgorithm.SHA_256).status())
			.isEqualTo(200);
	}

	@Test
	void anExpiredNonceWithRightCredentialsIsStale() {
		sip.presence.register(presentity);
		var request = subscribe(presentity);
		var challenge = sip.send(subscribe(presentity));
		String nonce = challenge.response.header("WWW-Authenticate").replaceAll(".*nonce=\"([^\"]+)\".*", "$1");
		sip.clock.advance(Duration.ofMinutes(6));
		String ha1 = DigestAlgorithm.MD5.hash(supervisor.username() + ":parley.local:" + SipHarness.PASSWORD);
		String uri = "sip:" + presentity.userPart() + "@parley.local";
		String response = DigestAlgorithm.MD5.hash(ha1 + ":" + nonce + ":" + DigestAlgorithm.MD5.hash("SUBSCRIBE:" + uri));
		request.header("Authorization", "Digest username=\"" + supervisor.username() + "\", realm=\"parley.local\", nonce=\""
				+ nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\"");
		var stale = sip.send(request);
		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.response.header("WWW-Authenticate")).contains("stale=true");
	}

	@Test
	void expiresZeroIsAFetchWithOneTerminatedNotify() {
		sip.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		var ex = sip.send(subscribe(presentity).header("Expires", "0"), supervisor);
		assertThat(ex.status()).isEqualTo(200);
		assertThat(ex.response.header("Expires")).isEqualTo("0");
		assertThat(ex.dialog.notifies).singleElement()
			.satisfies(n -> assertThat(n.state()).isEqualTo("terminated;reason=timeout"))
			.satisfies(n -> assertThat(n.body()).contains("<basic>open</basic>"));
		assertThat(sip.presence.subscriptionCount()).isZero();
	}

	@Test
	void aSubscriptionIsKnownInItsDialogBeforeItsOkGoes() {
		sip.presence.register(presentity);
		java.util.List<String> known = new java.util.ArrayList<>();
		sip.onDialog = state -> known.add(state.key() + "=" + (sip.notifier.byDialog(state.key()) != null));
		var presence = sip.send(subscribe(presentity), supervisor);
		var winfo = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence.winfo"),
				agent);
		var standIn = sip.send(subscribe(PresentityId.agent(java.util.UUID.randomUUID())), supervisor);
		assertThat(known).as("a refresh sent the moment the 200 arrives must not meet 481").containsExactly(
				presence.dialog.key() + "=true", winfo.dialog.key() + "=true", standIn.dialog.key() + "=true");
	}

	@Test
	void refreshesInTheDialogAndUnsubscribesWithAFinalNotify() {
		sip.presence.register(presentity);
		var ex = sip.send(subscribe(presentity), supervisor);
		var refresh = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence")
			.header("Expires", "1200").inDialog(ex.dialog.key()));
		assertThat(refresh.status()).isEqualTo(200);
		assertThat(refresh.response.header("Expires")).isEqualTo("1200");
		var end = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence")
			.header("Expires", "0").inDialog(ex.dialog.key()));
		assertThat(end.status()).isEqualTo(200);
		assertThat(ex.dialog.last().state()).isEqualTo("terminated;reason=timeout");
		assertThat(ex.dialog.closed).isTrue();
		var again = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence")
			.inDialog(ex.dialog.key()));
		assertThat(again.status()).isEqualTo(481);
	}

	@Test
	void atShutdownEverySubscriberIsToldToSubscribeAgain() {
		sip.presence.register(presentity);
		var ex = sip.send(subscribe(presentity), supervisor);
		assertThat(sip.notifier.deactivateAll(sip.clock.millis() + 1000)).isEqualTo(1);
		assertThat(ex.dialog.last().state()).isEqualTo("terminated;reason=deactivated");
		assertThat(sip.notifier.count()).isZero();
	}

	@Test
	void unknownDialogIs481() {
		var ex = sip.send(subscribe(presentity).inDialog("nobody;knows"));
		assertThat(ex.status()).isEqualTo(481);
	}

	@Test
	void aNotifyAnswered481EndsTheSubscription() {
		sip.presence.register(presentity);
		var ex = sip.send(subscribe(presentity), supervisor);
		ex.dialog.answer = 481;
		sip.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		sip.runDue();
		assertThat(sip.presence.subscriptionCount()).isZero();
		int sent = ex.dialog.notifies.size();
		sip.presence.setStatus(presentity, "voice", BasicStatus.CLOSED);
		sip.runDue();
		assertThat(ex.dialog.notifies).hasSize(sent);
	}

	@Test
	void aSlowSubscriberHasOneNotifyOutstandingAndThenGetsTheLatestState() {
		sip.presence.register(presentity);
		var ex = sip.send(subscribe(presentity), supervisor);
		int sent = ex.dialog.notifies.size();
		ex.dialog.holdAnswers = true;
		sip.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		sip.runDue();
		sip.advance(Duration.ofSeconds(10));
		sip.presence.setStatus(presentity, "chat", BasicStatus.OPEN);
		sip.runDue();
		sip.advance(Duration.ofSeconds(10));
		sip.presence.setStatus(presentity, "video", BasicStatus.OPEN);
		sip.runDue();
		assertThat(ex.dialog.notifies).hasSize(sent + 1);
		assertThat(ex.dialog.last().body()).contains("<tuple id=\"voice\">").doesNotContain("<tuple id=\"chat\">");

		ex.dialog.release();
		sip.runDue();
		assertThat(ex.dialog.notifies).hasSize(sent + 2);
		assertThat(ex.dialog.last().body()).contains("<tuple id=\"chat\">").contains("<tuple id=\"video\">");
		assertThat(ex.dialog.cseqs).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aPrincipalWatchingItselfSeesItsOwnStateInFull() {
		var ex = sip.send(subscribe(presentity), agent);
		assertThat(ex.dialog.last().state()).startsWith("active");
		sip.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		sip.runDue();
		assertThat(ex.dialog.last().body()).contains("<tuple id=\"voice\">");
	}

	@Test
	void unsubscribedExpiryEndsWithTimeout() {
		sip.presence.register(presentity);
		var ex = sip.send(subscribe(presentity).header("Expires", "60"), supervisor);
		sip.clock.advance(Duration.ofSeconds(61));
		sip.presence.tick();
		sip.runDue();
		assertThat(ex.dialog.last().state()).isEqualTo("terminated;reason=timeout");
	}

	@Test
	void unknownPresentityAndRefusingOneAnswerLikeOneAwaitingApproval() {
		Account customer = sip.account(Role.CUSTOMER);
		PresentityId other = PresentityId.customer(sip.account(Role.CUSTOMER).id().value());
		sip.presence.setStatus(other, "web", BasicStatus.OPEN);
		PresentityId unknown = PresentityId.customer(UUID.randomUUID());
		var pending = sip.send(subscribe(other), customer);
		var standIn = sip.send(subscribe(unknown), customer);
		assertThat(standIn.status()).isEqualTo(pending.status()).isEqualTo(200);
		assertThat(standIn.response.headers()).isEqualTo(pending.response.headers());
		assertThat(standIn.dialog.last().state()).isEqualTo(pending.dialog.last().state()).isEqualTo("pending;expires=600");
		assertThat(standIn.dialog.last().body().replace(unknown.userPart(), "X"))
			.isEqualTo(pending.dialog.last().body().replace(other.userPart(), "X"));
		assertThat(sip.send(new FakeSip.Request("SUBSCRIBE", "x".repeat(101)).header("Event", "presence"), customer)
			.status()).as("names neither a presentity nor an account").isEqualTo(404);
	}

	@Test
	void anAccountsUsernameNamesItsOwnPresentityUnderTheSameRulesWithThatAddressAsEntity() {
		sip.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		var byName = sip.send(new FakeSip.Request("SUBSCRIBE", agent.username().toUpperCase()).header("Event", "presence")
			.header("Expires", "600"), supervisor);
		assertThat(byName.status()).isEqualTo(200);
		assertThat(byName.dialog.last().state()).isEqualTo("active;expires=600");
		assertThat(byName.dialog.last().body()).contains("entity=\"sip:" + agent.username().toUpperCase() + "@parley.local\"")
			.contains("<tuple id=\"voice\">");
		sip.presence.setStatus(presentity, "voice", BasicStatus.CLOSED);
		sip.runDue();
		assertThat(byName.dialog.last().body()).contains("<basic>closed</basic>");
		var byToken = sip.send(subscribe(presentity), supervisor);
		assertThat(byToken.dialog.last().body().replace(presentity.userPart(), "X").replace("pres:", "sip:"))
			.isEqualTo(byName.dialog.last().body().replace(agent.username().toUpperCase(), "X"));
	}

	@Test
	void aUsernameThatIsNoAccountAnswersLikeAnAccountWhoseRulesRefuseTheWatcher() {
		Account customer = sip.account(Role.CUSTOMER);
		Account other = sip.account(Role.CUSTOMER);
		sip.presence.setStatus(PresentityId.customer(other.id().value()), "web", BasicStatus.OPEN);
		var refusing = sip.send(new FakeSip.Request("SUBSCRIBE", other.username()).header("Event", "presence")
			.header("Expires", "600"), customer);
		var nobody = sip.send(new FakeSip.Request("SUBSCRIBE", "no-such-user").header("Event", "presence")
			.header("Expires", "600"), customer);
		assertThat(nobody.status()).isEqualTo(refusing.status()).isEqualTo(200);
		assertThat(nobody.response.headers()).isEqualTo(refusing.response.headers());
		assertThat(nobody.dialog.last().state()).isEqualTo(refusing.dialog.last().state()).isEqualTo("pending;expires=600");
		assertThat(nobody.dialog.last().body().replace("no-such-user", "X"))
			.isEqualTo(refusing.dialog.last().body().replace(other.username(), "X"));
		var winfo = sip.send(new FakeSip.Request("SUBSCRIBE", other.username()).header("Event", "presence.winfo"), customer);
		assertThat(winfo.status()).isEqualTo(404);
		assertThat(sip.send(new FakeSip.Request("SUBSCRIBE", customer.username()).header("Event", "presence.winfo"),
				customer).status()).isEqualTo(200);
	}

	@Test
	void notifiesAtMostOncePerIntervalAndTheLastStateWins() {
		var limited = new SipHarness(Duration.ofSeconds(5), 1000);
		Account sup = limited.account(Role.SUPERVISOR);
		PresentityId p = PresentityId.agent(limited.account(Role.AGENT).id().value());
		limited.presence.register(p);
		var ex = limited.send(subscribe(p), sup);
		limited.presence.setStatus(p, "voice", BasicStatus.OPEN);
		limited.presence.setStatus(p, "voice", BasicStatus.CLOSED);
		limited.presence.setStatus(p, "chat", BasicStatus.OPEN);
		limited.runDue();
		assertThat(ex.dialog.notifies).hasSize(1);
		limited.advance(Duration.ofSeconds(5));
		assertThat(ex.dialog.notifies).hasSize(2);
		assertThat(ex.dialog.last().body()).contains("<tuple id=\"chat\">").contains("<tuple id=\"voice\">");
	}

	@Test
	void onlyThePrincipalWatchesWhoWatches() {
		var winfo = new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence.winfo");
		var self = sip.send(winfo, agent);
		assertThat(self.status()).isEqualTo(200);
		assertThat(self.dialog.last().contentType()).isEqualTo("application/watcherinfo+xml");
		assertThat(self.dialog.last().body()).contains("version=\"0\"");
		sip.send(subscribe(presentity), supervisor);
		sip.runDue();
		assertThat(self.dialog.last().body()).contains("version=\"1\"").contains("status=\"active\"")
			.contains("urn:uuid:" + supervisor.id().value());
		var other = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence.winfo"),
				supervisor);
		assertThat(other.status()).isEqualTo(404);
	}
}
