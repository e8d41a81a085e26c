package dev.parley.chat.internal;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The chat store's meters: on PostgreSQL those of its group committer ({@code parley.chat.commit},
 * {@code parley.chat.commit.messages}, {@code parley.chat.commit.wait}; see {@link GroupCommit#bind}).
 */
@Component
class ChatMetrics implements MeterBinder {

	private final ChatStore store;

	ChatMetrics(ChatStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		store.bindMetrics(registry);
	}
}
