package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.Role;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.PresentityId;
import dev.parley.sip.internal.SipStateStore;
import dev.parley.sip.internal.StoredPublication;
import dev.parley.sip.internal.StoredSubscription;

/**
 * Subscriptions and publications across a restart, over the fake transport: a second harness over the first
 * one's store is Parley started again (new presence service, new notifier, no dialogs in memory).
 */
class SipRecoveryTests {

	final SipStateStore store = SipStateStore.inMemory();

	final SipHarness before = new SipHarness(Duration.ZERO, 1000, store);

	final Account supervisor = before.account(Role.SUPERVISOR);

	final Account agent = before.account(Role.AGENT);

	final PresentityId presentity = PresentityId.agent(agent.id().value());

	FakeSip.Request subscribe(String event) {
		return new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", event).header("Expires", "600")
			.header("From", "<sip:w@192.0.2.1>;tag=theirs").header("Record-Route", "<sip:proxy.example;lr>");
	}

	SipHarness restart() {
		SipHarness after = new SipHarness(Duration.ZERO, 1000, store);
		after.accounts.addAll(before.accounts);
		after.presence.register(presentity);
		return after;
	}

	FakeSip.Dialog recovered(SipHarness after, String key) {
		return (FakeSip.Dialog) after.notifier.byDialog(key).dialog;
	}

	@Test
	void aSubscriptionIsStoredBeforeItsOkWithItsWholeDialog() {
		before.presence.register(presentity);
		var ex = before.send(subscribe("presence;id=7"), supervisor);
		StoredSubscription row = store.subscriptions().get(0);
		assertThat(row.key()).isEqualTo(ex.dialog.key);
		assertThat(row.dialog().remoteTag()).isEqualTo("theirs");
		assertThat(row.dialog().remoteTarget()).isEqualTo("sip:w@192.0.2.1");
		assertThat(row.dialog().routeSet()).containsExactly("<sip:proxy.example;lr>");
		assertThat(row.eventPackage()).isEqualTo("presence");
		assertThat(row.eventId()).isEqualTo("7");
		assertThat(row.account()).isEqualTo(supervisor.id().value());
		assertThat(row.presentity()).isEqualTo(presentity.userPart());
		assertThat(row.state()).isEqualTo("active");
		assertThat(row.cseqReserved()).isEqualTo(1001);
		assertThat(row.expiresAt()).isEqualTo(before.clock.instant().plusSeconds(600));
	}

	@Test
	void afterARestartTheSameDialogGetsTheCurrentStateThenChangesThenTakesRefreshAndUnsubscribe() {
		before.presence.register(presentity);
		String key = before.send(subscribe("presence"), supervisor).dialog.key;
		SipHarness after = restart();
		after.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		assertThat(after.recovery.recover().subscriptions()).isEqualTo(1);
		after.runDue();
		FakeSip.Dialog dialog = recovered(after, key);
		assertThat(dialog.cseqs).containsExactly(1001L);
		assertThat(dialog.last().state()).isEqualTo("active;expires=600");
		assertThat(dialog.last().body()).contains("<tuple id=\"voice\">");
		assertThat(dialog.state.remoteTag()).isEqualTo("theirs");
		after.presence.setStatus(presentity, "voice", BasicStatus.CLOSED);
		after.runDue();
		assertThat(dialog.last().body()).contains("<basic>closed</basic>");

		var refresh = after.send(subscribe("presence").inDialog(key).header("Expires", "900"));
		assertThat(refresh.status()).isEqualTo(200);
		assertThat(store.subscriptions().get(0).expiresAt()).isEqualTo(after.clock.instant().plusSeconds(900));
		var end = after.send(subscribe("presence").inDialog(key).header("Expires", "0"));
		assertThat(end.status()).isEqualTo(200);
		assertThat(dialog.last().state()).isEqualTo("terminated;reason=timeout");
		assertThat(store.subscriptions()).isEmpty();
	}

	@Test
	void aSubscriptionMadeByUsernameComesBackByUsernameWithThatAddressAsEntity() {
		before.presence.register(presentity);
		var byName = new FakeSip.Request("SUBSCRIBE", agent.username()).header("Event", "presence").header("Expires", "600");
		String key = before.send(byName, supervisor).dialog.key;
		assertThat(store.subscriptions().get(0).presentity()).isEqualTo(agent.username());
		SipHarness after = restart();
		after.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		assertThat(after.recovery.recover().subscriptions()).isEqualTo(1);
		after.runDue();
		assertThat(recovered(after, key).last().body()).contains("entity=\"sip:" + agent.username() + "@parley.local\"")
			.contains("<tuple id=\"voice\">");
	}

	@Test
	void expiredSubscriptionsAndPublicationsAreDroppedWithoutAWord() {
		before.presence.register(presentity);
		before.send(subscribe("presence"), supervisor);
		before.send(publish(pidf()), agent);
		SipHarness after = restart();
		after.clock.advance(Duration.ofMinutes(11));
		var recovered = after.recovery.recover();
		assertThat(recovered.subscriptions()).isZero();
		assertThat(recovered.dropped()).isEqualTo(2);
		assertThat(after.notifier.count()).isZero();
		assertThat(store.subscriptions()).isEmpty();
		assertThat(store.publications()).isEmpty();
	}

	@Test
	void watcherInformationAndStandInsComeBackAsTheyWere() {
		before.presence.register(presentity);
		String winfo = before.send(subscribe("presence.winfo"), agent).dialog.key;
		String refused = before.send(new FakeSip.Request("SUBSCRIBE", "customer-" + java.util.UUID.randomUUID())
			.header("Event", "presence").header("Expires", "600"), supervisor).dialog.key;
		SipHarness after = restart();
		assertThat(after.recovery.recover().subscriptions()).isEqualTo(2);
		after.runDue();
		assertThat(recovered(after, winfo).last().contentType()).isEqualTo("application/watcherinfo+xml");
		assertThat(recovered(after, refused).last().state()).isEqualTo("pending;expires=600");
	}

	@Test
	void theCSeqBlockIsRaisedBeforeItRunsOutSoARestartNeverReusesOne() {
		before.presence.register(presentity);
		var ex = before.send(subscribe("presence"), supervisor);
		for (int i = 0; i < 520; i++) {
			before.presence.setStatus(presentity, "voice", i % 2 == 0 ? BasicStatus.OPEN : BasicStatus.CLOSED);
			before.runDue();
		}
		long lastSent = ex.dialog.cseqs.get(ex.dialog.cseqs.size() - 1);
		assertThat(lastSent).isEqualTo(521);
		assertThat(store.subscriptions().get(0).cseqReserved()).isEqualTo(1501).isGreaterThan(lastSent);
		SipHarness after = restart();
		after.recovery.recover();
		after.runDue();
		assertThat(recovered(after, ex.dialog.key).cseqs).containsExactly(1501L);
	}

	@Test
	void aSubscriptionThatCannotBeStoredGets500AndLeavesNothing() {
		before.presence.register(presentity);
		SipHarness failing = new SipHarness(Duration.ZERO, 1000, new Failing());
		failing.accounts.addAll(before.accounts);
		failing.presence.register(presentity);
		var ex = failing.send(subscribe("presence"), supervisor);
		assertThat(ex.status()).isEqualTo(500);
		assertThat(ex.response.header("Retry-After")).isEqualTo("5");
		assertThat(failing.presence.subscriptionCount()).isZero();
		assertThat(failing.notifier.count()).isZero();
	}

	@Test
	void aRefreshIsAnsweredOnlyOnceItsExpiryIsStoredAnd500WhenItCannotBe() {
		HoldsRefreshes holding = new HoldsRefreshes();
		SipHarness sip = new SipHarness(Duration.ZERO, 1000, holding);
		sip.accounts.addAll(before.accounts);
		sip.presence.register(presentity);
		String key = sip.send(subscribe("presence"), supervisor).dialog.key;
		var refresh = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence")
			.header("Expires", "1200").inDialog(key));
		assertThat(refresh.response).as("no 200 before the new expiry is stored").isNull();
		holding.release(true);
		assertThat(refresh.status()).isEqualTo(200);
		assertThat(refresh.response.header("Expires")).isEqualTo("1200");
		assertThat(holding.subscriptions().get(0).expiresAt()).isEqualTo(sip.clock.instant().plusSeconds(1200));

		var refused = sip.send(new FakeSip.Request("SUBSCRIBE", presentity.userPart()).header("Event", "presence")
			.header("Expires", "1800").inDialog(key));
		holding.release(false);
		assertThat(refused.status()).isEqualTo(500);
		assertThat(refused.response.header("Retry-After")).isEqualTo("5");
	}

	@Test
	void aPublicationKeepsItsEntityTagAndTuplesAcrossARestart() {
		var initial = before.send(publish(pidf()), agent);
		String etag = initial.response.header("SIP-ETag");
		SipHarness after = restart();
		assertThat(after.recovery.recover().publications()).isEqualTo(1);
		assertThat(after.presence.current(presentity).orElseThrow().indexOf("desk")).isNotNegative();
		var refresh = after.send(publish(null).header("SIP-If-Match", etag), agent);
		assertThat(refresh.status()).isEqualTo(200);
		String etag2 = refresh.response.header("SIP-ETag");
		assertThat(store.publications()).extracting(StoredPublication::etag).containsExactly(etag2);
		var remove = after.send(publish(null).header("SIP-If-Match", etag2).header("Expires", "0"), agent);
		assertThat(remove.status()).isEqualTo(200);
		assertThat(after.presence.current(presentity).orElseThrow().indexOf("desk")).isNegative();
		assertThat(store.publications()).isEmpty();
	}

	@Test
	void aGracefulShutdownSendsNothingAndKeepsTheRows() {
		before.presence.register(presentity);
		var ex = before.send(subscribe("presence"), supervisor);
		before.notifier.suspend();
		before.presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		before.runDue();
		assertThat(ex.dialog.notifies).hasSize(1);
		assertThat(store.subscriptions()).hasSize(1);
	}

	@Test
	void terminateOnShutdownTellsEverySubscriberDeactivatedAndForgetsIt() {
		before.presence.register(presentity);
		var ex = before.send(subscribe("presence"), supervisor);
		assertThat(before.notifier.deactivateAll(Long.MAX_VALUE)).isEqualTo(1);
		assertThat(ex.dialog.last().state()).isEqualTo("terminated;reason=deactivated");
		assertThat(store.subscriptions()).isEmpty();
	}

	FakeSip.Request publish(String body) {
		var r = new FakeSip.Request("PUBLISH", presentity.userPart()).header("Event", "presence").header("Expires", "600");
		return body == null ? r : r.body("application/pidf+xml", body);
	}

	String pidf() {
		return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:" + presentity.userPart()
				+ "@parley.local\"><tuple id=\"desk\"><status><basic>open</basic></status></tuple></presence>";
	}

	/** A store in memory whose refreshes wait until the test says they are stored (or not). */
	static final class HoldsRefreshes implements SipStateStore {
		private final SipStateStore delegate = SipStateStore.inMemory();

		private StoredSubscription held;

		private Consumer<Boolean> callback;

		void release(boolean stored) {
			if (stored) {
				delegate.update(held);
			}
			callback.accept(stored);
		}

		@Override
		public void create(StoredSubscription subscription, Consumer<Boolean> stored) {
			delegate.create(subscription, stored);
		}

		@Override
		public void update(StoredSubscription subscription) {
			delegate.update(subscription);
		}

		@Override
		public void refresh(StoredSubscription subscription, Consumer<Boolean> stored) {
			held = subscription;
			callback = stored;
		}

		@Override
		public void delete(String dialogKey) {
			delegate.delete(dialogKey);
		}

		@Override
		public void savePublication(StoredPublication publication, String replaces) {
			delegate.savePublication(publication, replaces);
		}

		@Override
		public void deletePublication(String etag) {
			delegate.deletePublication(etag);
		}

		@Override
		public java.util.List<StoredSubscription> subscriptions() {
			return delegate.subscriptions();
		}

		@Override
		public java.util.List<StoredPublication> publications() {
			return delegate.publications();
		}

		@Override
		public void flush() {
		}
	}

	/** A store whose database is gone. */
	static final class Failing implements SipStateStore {
		private final SipStateStore delegate = SipStateStore.inMemory();

		@Override
		public void create(StoredSubscription subscription, Consumer<Boolean> stored) {
			stored.accept(false);
		}

		@Override
		public void update(StoredSubscription subscription) {
		}

		@Override
		public void refresh(StoredSubscription subscription, Consumer<Boolean> stored) {
			stored.accept(false);
		}

		@Override
		public void delete(String dialogKey) {
		}

		@Override
		public void savePublication(StoredPublication publication, String replaces) {
			throw new IllegalStateException("down");
		}

		@Override
		public void deletePublication(String etag) {
		}

		@Override
		public java.util.List<StoredSubscription> subscriptions() {
			return delegate.subscriptions();
		}

		@Override
		public java.util.List<StoredPublication> publications() {
			return delegate.publications();
		}

		@Override
		public void flush() {
		}
	}
}
