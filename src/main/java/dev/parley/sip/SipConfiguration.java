package dev.parley.sip;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.identity.DigestCredentials;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.SignInThrottle;
import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.PresentityUris;
import dev.parley.pidf.WatcherInfoCodec;
import dev.parley.presence.Presence;
import dev.parley.presence.Presentities;
import dev.parley.presence.PresenceSettings;
import dev.parley.sip.internal.DigestNonces;
import dev.parley.sip.internal.SipStateStore;
import dev.parley.sip.stack.ParleySipTransport;

/** Wires the SIP adapter when {@code parley.sip.enabled} is true (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "parley.sip", name = "enabled", havingValue = "true", matchIfMissing = true)
class SipConfiguration {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService sipScheduler() {
		AtomicInteger n = new AtomicInteger();
		return Executors.newScheduledThreadPool(2, r -> {
			Thread t = new Thread(r, "sip-notify-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@Bean
	SipNotifier sipNotifier(ScheduledExecutorService sipScheduler, SipSettings settings, ObjectProvider<Clock> clock,
			SipStateStore sipStateStore, PidfCodec pidf, WatcherInfoCodec winfo) {
		return new SipNotifier(SipNotifier.Scheduler.of(sipScheduler), clock.getIfAvailable(Clock::systemUTC),
				settings.notifyInterval().toMillis(), sipStateStore, new NotifyWriter(pidf, winfo));
	}

	@Bean
	SipTransport sipTransport(SipSettings settings) {
		int maxMessageBytes = Math.max(65_536, settings.maxBodyBytes() + 8192);
		return new ParleySipTransport(settings.address(), settings.port(), settings.transports(), settings.threads(),
				settings.queue(), maxMessageBytes);
	}

	@Bean
	SipAdapter sipAdapter(SipTransport sipTransport, SipNotifier sipNotifier, ScheduledExecutorService sipScheduler,
			Presence presence, Presentities presentities, PresenceSettings limits, DigestCredentials credentials,
			SipSettings settings, ObjectProvider<Clock> clock, PidfCodec pidf, IdentityManagement identity,
			PresentityUris uris, SignInThrottle throttle, DigestNonces digestNonces) {
		return new SipAdapter(sipTransport, sipNotifier, sipScheduler, presence, presentities::ensure, limits,
				credentials, settings, clock.getIfAvailable(Clock::systemUTC), pidf,
				new SipPrincipals(identity::findByUsername, uris), new DigestAuthenticator.Throttle() {
					@Override
					public Optional<Duration> refusal(String username, String source) {
						return throttle.refusal(username, source);
					}

					@Override
					public void failed(String username, String source) {
						throttle.failed(username, source, SignInThrottle.Channel.SIP);
					}

					@Override
					public void succeeded(String username, String source) {
						throttle.succeeded(username, source);
					}
				}, digestNonces);
	}
}
