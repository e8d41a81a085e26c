package dev.parley.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.QueuesChanged;

/**
 * What the triggers ask other modules: the queues an agent serves (their group's queues whose required skills they
 * have) and names for showing alerts. The queues and each agent's are kept for {@value #TTL_SECONDS} s, so an agent's
 * state change reads no table; a queue or an agent changed by an administrator is seen that much later.
 */
@Component
class AlertLookups implements AlertMatcher.Names {

	static final long TTL_SECONDS = 30;

	private record Cached<T>(T value, long until) {
	}

	private final QueueManagement queues;
	private final AgentManagement agents;
	private final IdentityManagement identity;
	private final Catalog catalog;
	private final Map<AgentId, Cached<List<Queue>>> byAgent = new ConcurrentHashMap<>();
	private volatile Cached<List<Queue>> all;

	AlertLookups(QueueManagement queues, AgentManagement agents, IdentityManagement identity, Catalog catalog) {
		this.queues = queues;
		this.agents = agents;
		this.identity = identity;
		this.catalog = catalog;
	}

	/** A queue made, edited or removed here: which agents serve which queues is read again at the next event. */
	@EventListener
	void on(QueuesChanged changed) {
		all = null;
		byAgent.clear();
	}

	List<Queue> queuesOf(AgentId agent) {
		long now = System.nanoTime();
		Cached<List<Queue>> c = byAgent.get(agent);
		if (c != null && c.until() - now > 0) {
			return c.value();
		}
		Agent a;
		try {
			a = agents.agent(agent);
		}
		catch (RuntimeException e) {
			return List.of();
		}
		List<Queue> served = allQueues().stream().filter(q -> q.groupKey().equals(a.groupKey()))
			.filter(q -> q.skills().stream().allMatch(s -> a.level(s.key()) >= s.minLevel())).toList();
		byAgent.put(agent, new Cached<>(served, now + Duration.ofSeconds(TTL_SECONDS).toNanos()));
		return served;
	}

	Optional<Queue> findQueue(String key) {
		return allQueues().stream().filter(q -> q.key().equals(key)).findFirst().or(() -> queues.find(key));
	}

	@Override
	public String queue(String key) {
		return findQueue(key).map(Queue::name).orElse(key);
	}

	@Override
	public String agent(AgentId agent) {
		return identity.find(new AccountId(agent.value())).map(a -> a.displayName()).orElse("An agent");
	}

	@Override
	public String customer(CustomerId customer) {
		return identity.find(new AccountId(customer.value())).map(a -> a.displayName()).orElse("A customer");
	}

	@Override
	public String product(String productId) {
		try {
			return catalog.find(new ProductId(java.util.UUID.fromString(productId))).map(p -> p.name()).orElse(productId);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return productId;
		}
	}

	private List<Queue> allQueues() {
		long now = System.nanoTime();
		Cached<List<Queue>> c = all;
		if (c == null || c.until() - now <= 0) {
			c = new Cached<>(queues.queues(), now + Duration.ofSeconds(TTL_SECONDS).toNanos());
			all = c;
		}
		return c.value();
	}
}
