package dev.parley.identity.internal;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The API token cache's and the last-use batch's meters: {@code parley.identity.token.reads{on=ahead|request}} (reads
 * of a token done in the background, and those a request waited for: unknown tokens, a first use, an entry past its
 * time), {@code parley.identity.token.kept} (tokens kept now), {@code parley.identity.token.uses.written} and
 * {@code parley.identity.token.uses.failures} (the last-use batch's tokens written, batches failed). A healthy node
 * under steady API use reads mostly ahead; many reads on requests mean tokens fall out between uses (or a flood of
 * unknown tokens, which the sign-in throttle answers).
 */
@Component
class TokenMetrics implements MeterBinder {

	private final TokenCache cache;

	private final TokenUses uses;

	TokenMetrics(TokenCache cache, TokenUses uses) {
		this.cache = cache;
		this.uses = uses;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("parley.identity.token.reads", cache, TokenCache::refreshes).tag("on", "ahead")
			.description("API token reads done in the background, before the kept entry's time was up")
			.register(registry);
		FunctionCounter.builder("parley.identity.token.reads", cache, TokenCache::requestReads).tag("on", "request")
			.description("API token reads a request waited for").register(registry);
		Gauge.builder("parley.identity.token.kept", cache, TokenCache::size)
			.description("API tokens kept in memory on this node").register(registry);
		FunctionCounter.builder("parley.identity.token.uses.written", uses, TokenUses::written)
			.description("API tokens' last use written (a batch every few seconds)").register(registry);
		FunctionCounter.builder("parley.identity.token.uses.failures", uses, TokenUses::failures)
			.description("batches of API tokens' last use that failed (tried again)").register(registry);
	}
}
