package dev.parley.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.parley.common.NotFoundException;
import dev.parley.identity.DigestCredentials;
import dev.parley.pidf.PidfCodec;
import dev.parley.presence.Presence;
import dev.parley.presence.PresentityId;
import dev.parley.presence.PresenceSettings;
import dev.parley.sip.internal.DigestNonces;

/**
 * The SIP SIMPLE adapter's life: wires the handlers over the transport, starts listening, recovers the stored
 * publications and subscriptions (requests wait meanwhile), sweeps expired publications, winfo subscriptions and
 * idle flood buckets every second and expired digest nonces every minute, and stops in bounded time: by default the subscriptions stay stored and carry
 * on after the restart; with {@code parley.sip.terminate-on-shutdown} every subscriber is told
 * {@code terminated;reason=deactivated} instead.
 */
final class SipAdapter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SipAdapter.class);

	private final SipTransport transport;

	private final SipNotifier notifier;

	private final ScheduledExecutorService scheduler;

	private final Clock clock;

	private final Publications publications;

	private final FloodGuard flood;

	private final SipRequestDispatch dispatch;

	private final SipRecovery recovery;

	private final boolean terminateOnShutdown;

	private final DigestNonces nonces;

	private volatile boolean running;

	SipAdapter(SipTransport transport, SipNotifier notifier, ScheduledExecutorService scheduler, Presence presence,
			Predicate<PresentityId> known, PresenceSettings limits, DigestCredentials credentials, SipSettings settings, Clock clock,
			PidfCodec pidf, SipPrincipals principals, DigestAuthenticator.Throttle throttle, DigestNonces nonces) {
		this.terminateOnShutdown = settings.terminateOnShutdown();
		this.transport = transport;
		this.notifier = notifier;
		this.scheduler = scheduler;
		this.clock = clock;
		String realm = settings.realm() == null ? credentials.realm() : settings.realm();
		if (!realm.equals(credentials.realm())) {
			throw new IllegalStateException("parley.sip.realm (" + realm + ") must be parley.identity.digest-realm ("
					+ credentials.realm() + "): digest HA1 values are kept for that realm only");
		}
		var authenticator = new DigestAuthenticator(credentials::verify, throttle, realm, settings.nonceLifetime(), clock,
				settings.algorithms(), nonces);
		this.nonces = nonces;
		this.publications = new Publications(presence, notifier.store(), pidf);
		this.recovery = new SipRecovery(notifier.store(), transport::dialog, presence, known, notifier, publications, clock,
				principals);
		this.flood = new FloodGuard(settings.requestsPerSecond(), clock::millis);
		this.dispatch = new SipRequestDispatch(flood, settings.maxBodyBytes(),
				new SubscribeHandler(presence, known, notifier, authenticator, limits, clock, principals),
				new PublishHandler(publications, authenticator, limits, clock, pidf, principals));
		notifier.onGone(s -> {
			if (s.isLocal()) {
				return;
			}
			try {
				presence.unsubscribe(s.watcher, s.presenceId());
			}
			catch (NotFoundException e) {
				// ended meanwhile
			}
		});
	}

	@Override
	public void start() {
		dispatch.hold();
		transport.start(dispatch);
		try {
			SipRecovery.Recovered r = recovery.recover();
			if (r.subscriptions() + r.publications() + r.dropped() > 0) {
				log.info("SIP: recovered {} subscriptions and {} publications, dropped {} expired", r.subscriptions(),
						r.publications(), r.dropped());
			}
		}
		catch (RuntimeException e) {
			log.error("SIP: stored subscriptions and publications could not be read", e);
		}
		finally {
			dispatch.release();
		}
		scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
		scheduler.scheduleWithFixedDelay(this::forgetExpiredNonces, 60, 60, TimeUnit.SECONDS);
		running = true;
	}

	private void sweep() {
		try {
			long now = clock.millis();
			publications.expire(now);
			notifier.expireLocal(now);
			flood.sweep();
		}
		catch (RuntimeException e) {
			log.warn("SIP sweep failed", e);
		}
	}

	/** Every node does it; a nonce gone from the table is refused as stale anyway (its expiry is in the nonce). */
	private void forgetExpiredNonces() {
		try {
			nonces.expire(clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("SIP: expired digest nonces could not be deleted", e);
		}
	}

	@Override
	public void stop() {
		running = false;
		if (terminateOnShutdown) {
			int told = notifier.deactivateAll(clock.millis() + 2000);
			if (told > 0) {
				log.info("SIP: told {} subscribers to subscribe again (terminated;reason=deactivated)", told);
			}
		}
		notifier.suspend();
		notifier.store().flush();
		transport.stop(Duration.ofSeconds(5));
		scheduler.shutdownNow();
		// Again: PUBLISHes answered while the transport stopped were written behind (and the store closes later).
		notifier.store().flush();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Not paused with an idle context (Spring's test context cache pauses lifecycles between test classes): stopping is
	 * this adapter's shutdown (its scheduler ends, subscribers may be told to go), and a restart would have to win its
	 * port back. It runs until the context closes.
	 */
	@Override
	public boolean isPauseable() {
		return false;
	}

	SipRequestDispatch dispatch() {
		return dispatch;
	}
}
