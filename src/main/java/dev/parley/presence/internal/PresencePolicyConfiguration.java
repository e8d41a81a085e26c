package dev.parley.presence.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import dev.parley.presence.CustomerRelations;
import dev.parley.presence.ParleyAccessPolicy;

/**
 * Puts Parley's stored access rules in front of the in-memory defaults: the {@code Presence} bean takes
 * this policy (primary), so customers' choices and the history relation decide who may watch whom.
 */
@Configuration(proxyBeanMethods = false)
class PresencePolicyConfiguration {

	@Bean
	@Primary
	ParleyAccessPolicy parleyAccessPolicy(RuleCache rules, CustomerRelations relations) {
		return new ParleyAccessPolicy(rules, relations);
	}
}
