package dev.parley.presence.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.presence.CustomerRelations;
import dev.parley.presence.ParleyAccessPolicy;

/**
 * The presence service's one access policy: customers' stored choices and the history relation decide who
 * may watch whom, over the contact center's defaults.
 */
@Configuration(proxyBeanMethods = false)
class PresencePolicyConfiguration {

	@Bean
	ParleyAccessPolicy parleyAccessPolicy(RuleCache rules, CustomerRelations relations) {
		return new ParleyAccessPolicy(rules, relations);
	}
}
