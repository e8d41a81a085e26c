package dev.parley.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.agent.NewAgent;
import dev.parley.alerts.internal.AlertStore;
import dev.parley.alerts.internal.RuleIndex;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;

/**
 * The alerts benchmark (issue 10, "Speed"): 10,000 customers holding rules and 1,000 agents changing state.
 * <ol>
 * <li><b>matching</b>: the rule index and matcher alone, no database: 30,000 customers' rules (each customer: an agent
 * of one of 200 queues available, a named one of the 1,000 agents available, an agent for a product of one of 50
 * categories available) and the agents becoming ready over and over; events per second and rules matched per
 * second.</li>
 * <li><b>end to end</b>: a whole Parley (H2 in memory, or PostgreSQL with {@code PARLEY_TEST_DB_URL} and the pgtest
 * profile): 200 open groups each with a queue, 1,000 agents hired into them, 10,000 customers' rules (a queue of
 * theirs and a named agent: 60 rules match each agent's "ready"); each agent's {@code AgentStateChanged} (not ready
 * to ready) is published in a transaction of its own at a steady rate, goes through the event publication registry to
 * the alerts' listener, which stores its 60 alerts and announces them; the time from the event's commit to the commit
 * of its alerts (when live push sends them to the pages), first and last of each event's 60.</li>
 * </ol>
 * Not part of {@code mvn verify}: {@code mvn -Pbench test -Dtest=AlertBenchmark}.
 */
@Tag("bench")
@SpringBootTest(properties = { "logging.level.dev.parley=warn", "parley.sip.enabled=false" })
@Import({ dev.parley.testing.TestDatabaseConfiguration.class, AlertBenchmark.Clock.class })
class AlertBenchmark {

	static final int CUSTOMERS = Integer.getInteger("bench.customers", 10_000);
	static final int AGENTS = Integer.getInteger("bench.agents", 1_000);
	static final int QUEUES = 200;
	static final int RATE = Integer.getInteger("bench.rate", 50);

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AlertStore store;

	@Autowired
	RuleIndex index;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	/** When each event's alerts were committed: the event's instant -> first and last commit (nanos) and count. */
	@TestConfiguration
	static class Clock {
		final Map<Instant, long[]> done = new ConcurrentHashMap<>();

		@EventListener
		void on(AlertRaised raised) {
			if (raised.dismissed()) {
				return;
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					long now = System.nanoTime();
					done.compute(raised.at(), (k, v) -> v == null ? new long[] { now, now, 1 }
							: new long[] { Math.min(v[0], now), Math.max(v[1], now), v[2] + 1 });
				}
			});
		}
	}

	@Test
	void matching() {
		var idx = new RuleIndex();
		var names = new AlertMatcher.Names() {
			public String queue(String key) {
				return key;
			}

			public String agent(AgentId agent) {
				return "agent";
			}

			public String customer(CustomerId customer) {
				return "customer";
			}

			public String product(String productId) {
				return "product";
			}
		};
		var matcher = new AlertMatcher(idx, names);
		Instant now = Instant.now();
		List<AgentId> agentIds = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			agentIds.add(new AgentId(UUID.randomUUID()));
		}
		List<AlertRule> rules = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			UUID c = UUID.randomUUID();
			rules.add(new AlertRule(AlertRuleId.random(), c, AlertKind.QUEUE_AGENT_AVAILABLE, "q" + (i % QUEUES),
					"q" + (i % QUEUES), null, now));
			String agent = agentIds.get(i % AGENTS).toString();
			rules.add(new AlertRule(AlertRuleId.random(), c, AlertKind.AGENT_AVAILABLE, agent, agent, null, now));
			rules.add(new AlertRule(AlertRuleId.random(), c, AlertKind.PRODUCT_AGENT_AVAILABLE, UUID.randomUUID()
				.toString(), "cat" + (i % 50), null, now));
		}
		idx.load(rules);
		List<List<Queue>> served = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			int q = i % QUEUES;
			served.add(List.of(new Queue("q" + q, "Q" + q, null, "g" + q, Set.of(Medium.CHAT), Set.of("cat" + (q % 50)),
					List.of(), RoutingStrategy.LONGEST_IDLE, 0, Duration.ofSeconds(20), 3, Duration.ofSeconds(60),
					Duration.ofSeconds(20), false, 0)));
		}
		long matched = 0;
		int events = 0;
		for (int warm = 0; warm < 20_000; warm++) {
			matched += matcher.agentState(new AgentStateChanged(agentIds.get(warm % AGENTS), AgentState.NOT_READY,
					AgentState.READY, null, now), served.get(warm % AGENTS)).size();
		}
		matched = 0;
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < end) {
			for (int i = 0; i < AGENTS; i++) {
				matched += matcher.agentState(new AgentStateChanged(agentIds.get(i), AgentState.NOT_READY,
						AgentState.READY, null, now), served.get(i)).size();
			}
			events += AGENTS;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("ALERTS matching: %,d rules held (%,d customers), %,d agents; %,.0f events/s, %,.0f rules "
				+ "matched and evaluated/s (%d per event; the index touches no other rule)%n", idx.size(), CUSTOMERS,
				AGENTS, events / seconds, matched / seconds, matched / events);
	}

	@Test
	void endToEnd() throws Exception {
		List<Queue> qs = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < QUEUES; i++) {
			String group = RoutingFixtures.openGroup(agents);
			groups.add(group);
			qs.add(RoutingFixtures.queue(queues, group, EnumSet.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 20));
		}
		long hiring = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Agent>> hired = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			String group = groups.get(i % QUEUES);
			hired.add(pool.submit(() -> agents.hire(new NewAgent(AccountFixtures.uniqueName("bench"),
					AccountFixtures.PASSWORD, "Bench agent", group, List.of(), EnumSet.of(Medium.CHAT)), null)));
		}
		List<Agent> staff = new ArrayList<>();
		for (Future<Agent> f : hired) {
			staff.add(f.get());
		}
		System.out.printf("ALERTS setup: %d agents hired in %.0f s%n", AGENTS, (System.nanoTime() - hiring) / 1e9);
		Instant now = Instant.now();
		for (int i = 0; i < CUSTOMERS; i++) {
			UUID c = UUID.randomUUID();
			String queue = qs.get(i % QUEUES).key();
			String agent = staff.get(i % AGENTS).id().toString();
			store.replaceRules(c, AlertSide.CUSTOMER, List.of(
					new AlertRule(AlertRuleId.random(), c, AlertKind.QUEUE_AGENT_AVAILABLE, queue, queue, null, now),
					new AlertRule(AlertRuleId.random(), c, AlertKind.AGENT_AVAILABLE, agent, agent, null, now)));
		}
		index.load(store.allRules());

		var tx = new TransactionTemplate(transactions);
		Map<Instant, Long> committed = new ConcurrentHashMap<>();
		Instant base = Instant.parse("2030-01-01T00:00:00Z");
		long period = 1_000_000_000L / RATE;
		long start = System.nanoTime();
		AtomicInteger sent = new AtomicInteger();
		for (int i = 0; i < AGENTS; i++) {
			long due = start + i * period;
			while (System.nanoTime() < due) {
				Thread.onSpinWait();
			}
			Instant at = base.plusMillis(i);
			AgentId agent = staff.get(i).id();
			tx.executeWithoutResult(s -> {
				events.publishEvent(new AgentStateChanged(agent, AgentState.NOT_READY, AgentState.READY, null, at));
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						committed.put(at, System.nanoTime());
					}
				});
			});
			sent.incrementAndGet();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		int expected = CUSTOMERS / AGENTS + CUSTOMERS / QUEUES;
		while (System.nanoTime() < deadline && !allDone(committed, expected)) {
			Thread.sleep(50);
		}
		long elapsed = System.nanoTime() - start;
		long[] first = new long[committed.size()];
		long[] last = new long[committed.size()];
		int n = 0;
		long alerts = 0;
		int incomplete = 0;
		for (var e : committed.entrySet()) {
			long[] d = clock.done.get(e.getKey());
			if (d == null || d[2] < expected) {
				incomplete++;
				continue;
			}
			first[n] = d[0] - e.getValue();
			last[n] = d[1] - e.getValue();
			alerts += d[2];
			n++;
		}
		first = Arrays.copyOf(first, n);
		last = Arrays.copyOf(last, n);
		Arrays.sort(first);
		Arrays.sort(last);
		System.out.printf("ALERTS end to end (%s): %,d rules of %,d customers, %,d agents going ready at %d/s; %,d "
				+ "alerts (%d per event) in %.1f s, %,.0f alerts/s; events incomplete after 120 s: %d%n",
				db(), index.size(), CUSTOMERS, sent.get(), RATE, alerts, expected, elapsed / 1e9, alerts / (elapsed / 1e9),
				incomplete);
		System.out.printf("  event commit -> first alert committed: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				pct(first, 0.5), pct(first, 0.99), pct(first, 1));
		System.out.printf("  event commit -> all %d alerts committed: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", expected,
				pct(last, 0.5), pct(last, 0.99), pct(last, 1));
		pool.shutdownNow();
	}

	private boolean allDone(Map<Instant, Long> committed, int expected) {
		if (committed.size() < AGENTS) {
			return false;
		}
		for (Instant at : committed.keySet()) {
			long[] d = clock.done.get(at);
			if (d == null || d[2] < expected) {
				return false;
			}
		}
		return true;
	}

	private static String db() {
		String url = System.getenv("PARLEY_TEST_DB_URL");
		return System.getProperty("spring.profiles.active", "").contains("pgtest") && url != null ? "PostgreSQL" : "H2";
	}

	private static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(i, 0)] / 1e6;
	}
}
