package dev.parley.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.DigestAlgorithm;
import dev.parley.identity.Role;
import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.PresentityUris;
import dev.parley.pidf.WatcherInfoCodec;
import dev.parley.presence.AccessRules;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceFixtures.TestClock;
import dev.parley.presence.PresenceSettings;
import dev.parley.sip.internal.SipStateStore;

/**
 * The SIP adapter's handlers over the fake transport, a hand-driven clock and scheduler, and accounts
 * checked in memory (password {@link #PASSWORD} for every one): no sockets, no database.
 */
final class SipHarness {

	static final String PASSWORD = "sip-secret";

	static final String REALM = "parley.local";

	static final PresentityUris URIS = new PresentityUris("parley.local");

	static final PidfCodec PIDF = new PidfCodec(URIS);

	final TestClock clock = new TestClock();

	final AccessRules rules = AccessRules.contactCenterDefaults();

	final List<Account> accounts = new ArrayList<>();

	private final List<Task> tasks = new ArrayList<>();

	final SipNotifier notifier;

	final Presence presence;

	final DigestAuthenticator authenticator;

	/** The nonce-counts used so far (one node's, in memory). */
	final dev.parley.sip.internal.DigestNonces nonces = dev.parley.sip.internal.DigestNonces.inMemory();

	final SipRequestDispatch dispatch;

	/** Runs as each dialog's 200 goes (see {@link FakeSip.Exchange#onDialog}). */
	java.util.function.Consumer<SipDialogState> onDialog = state -> {
	};

	final Publications publications;

	private record Task(long due, Runnable run) {
	}

	final SipStateStore store;

	final SipRecovery recovery;

	final SipPrincipals principals;

	SipHarness(Duration notifyInterval, int requestsPerSecond) {
		this(notifyInterval, requestsPerSecond, SipStateStore.inMemory());
	}

	/** A harness over a given store: a second one over the first's store is Parley after a restart. */
	SipHarness(Duration notifyInterval, int requestsPerSecond, SipStateStore store) {
		this(notifyInterval, requestsPerSecond, store, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
	}

	/** A harness whose 401s offer these digest algorithms. */
	SipHarness(List<DigestAlgorithm> algorithms) {
		this(Duration.ZERO, 1000, SipStateStore.inMemory(), algorithms);
	}

	SipHarness(Duration notifyInterval, int requestsPerSecond, SipStateStore store, List<DigestAlgorithm> algorithms) {
		this.store = store;
		notifier = new SipNotifier((task, delay) -> tasks.add(new Task(clock.millis() + delay, task)), clock,
				notifyInterval.toMillis(), store, new NotifyWriter(PIDF, new WatcherInfoCodec(URIS)));
		presence = new Presence(rules, notifier, e -> {
		}, clock, PresenceSettings.defaults());
		authenticator = new DigestAuthenticator(this::verify, REALM, Duration.ofMinutes(5), clock, algorithms, nonces);
		publications = new Publications(presence, store, PIDF);
		principals = new SipPrincipals(name -> accounts.stream().filter(a -> a.username().equalsIgnoreCase(name))
			.findFirst(), URIS);
		recovery = new SipRecovery(store, FakeSip.Dialog::new, presence, presence::exists, notifier, publications, clock,
				principals);
		PresenceSettings limits = PresenceSettings.defaults();
		dispatch = new SipRequestDispatch(new FloodGuard(requestsPerSecond, clock::millis), 16 * 1024,
				new SubscribeHandler(presence, presence::exists, notifier, authenticator, limits, clock, principals),
				new PublishHandler(publications, authenticator, limits, clock, PIDF, principals));
		notifier.onGone(s -> {
			if (!s.isLocal()) {
				presence.unsubscribe(s.watcher, s.presenceId());
			}
		});
	}

	SipHarness() {
		this(Duration.ZERO, 1000);
	}

	Account account(Role role) {
		var a = new Account(new AccountId(UUID.randomUUID()), role.name().toLowerCase() + accounts.size(), "Test", role,
				true, clock.instant());
		accounts.add(a);
		return a;
	}

	private Optional<Account> verify(dev.parley.identity.DigestAnswer answer) {
		return accounts.stream().filter(a -> a.username().equals(answer.username())).filter(a -> {
			String ha1 = answer.algorithm().hash(a.username() + ":" + REALM + ":" + PASSWORD);
			return answer.algorithm().hash(ha1 + ":" + answer.middle() + ":" + answer.ha2()).equals(answer.response());
		}).findFirst();
	}

	/** Sends a request as is. */
	FakeSip.Exchange send(FakeSip.Request request) {
		var exchange = new FakeSip.Exchange(request.build());
		exchange.onDialog = onDialog;
		dispatch.handle(exchange);
		runDue();
		return exchange;
	}

	/** Sends a request with a valid digest answer for the account (on a fresh challenge). */
	FakeSip.Exchange send(FakeSip.Request request, Account as) {
		return send(request, as, PASSWORD, DigestAlgorithm.MD5);
	}

	FakeSip.Exchange send(FakeSip.Request request, Account as, String password, DigestAlgorithm algorithm) {
		SipRequest plain = request.build();
		String nonce = authenticator.newNonce();
		String uri = plain.requestUri();
		String ha1 = algorithm.hash(as.username() + ":" + REALM + ":" + password);
		String ha2 = algorithm.hash(plain.method() + ":" + uri);
		String response = algorithm.hash(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
		request.header("Authorization", "Digest username=\"" + as.username() + "\", realm=\"" + REALM + "\", nonce=\""
				+ nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=" + algorithm.token()
				+ ", qop=auth, nc=00000001, cnonce=\"c0ffee\"");
		return send(request);
	}

	/** Moves the clock and runs what the scheduler holds that is due. */
	void advance(Duration d) {
		clock.advance(d);
		runDue();
	}

	void runDue() {
		while (true) {
			Task next = tasks.stream().filter(t -> t.due() <= clock.millis()).min(Comparator.comparingLong(Task::due))
				.orElse(null);
			if (next == null) {
				return;
			}
			tasks.remove(next);
			next.run().run();
		}
	}
}
