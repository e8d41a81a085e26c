package dev.parley.presence.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.presence.AccessPolicy;
import dev.parley.presence.Notifier;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceSettings;

/**
 * Wires the plain-Java {@link Presence} into the application: the access policy (customers' stored rules,
 * see PresencePolicyConfiguration), every {@link Notifier} bean the adapters declare, Spring's
 * event publisher for {@code PresenceChanged}, and one scheduler thread for expiry and rate limiting.
 */
@Configuration(proxyBeanMethods = false)
class PresenceConfiguration {

	@Bean
	Presence presence(AccessPolicy policy, ObjectProvider<Notifier> notifiers, ApplicationEventPublisher publisher,
			PresenceSettings settings, ObjectProvider<Clock> clock) {
		List<Notifier> list = notifiers.orderedStream().toList();
		return new Presence(policy, Notifier.all(list), publisher::publishEvent,
				clock.getIfAvailable(Clock::systemUTC), settings);
	}

	@Bean
	PresenceTicker presenceTicker(Presence presence) {
		return new PresenceTicker(presence);
	}
}
