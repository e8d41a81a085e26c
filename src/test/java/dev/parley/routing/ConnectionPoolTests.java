package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * A step of the broker needs one database connection, not two: with a pool of two connections, a burst of agents'
 * state changes and of new contacts, many more at once than the pool holds, all succeed. (A listener recorded in the
 * event publication registry is marked done in a second connection while the step's own is still held; when every
 * connection was held by a step waiting for a second one, the rest waited out the pool's timeout and failed.)
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=3000" })
class ConnectionPoolTests {

	static final int AT_ONCE = 12;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentStates states;

	@Autowired
	Interactions interactions;

	@Autowired
	IdentityManagement identity;

	@Test
	void aBurstOfBrokerStepsLargerThanThePoolAllSucceeds() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		Queue queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 30);
		List<Agent> staff = new ArrayList<>();
		List<CustomerId> customers = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			staff.add(RoutingFixtures.agent(agents, group));
			customers.add(new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value()));
		}
		List<Callable<Object>> steps = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < AT_ONCE; i++) {
				Agent agent = staff.get(i);
				String state = round % 2 == 0 ? "ready" : "not-ready";
				steps.add(() -> states.change(agent.id(), state, state.equals("ready") ? null : "break"));
			}
		}
		for (CustomerId customer : customers) {
			steps.add(() -> interactions.start(customer, new NewContact(Medium.CHAT, null, queue.key(), null)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE * 2);
		try {
			List<Future<Object>> done = pool.invokeAll(steps);
			int failed = 0;
			Throwable first = null;
			for (Future<Object> f : done) {
				try {
					f.get();
				}
				catch (java.util.concurrent.ExecutionException e) {
					failed++;
					first = first == null ? e.getCause() : first;
				}
			}
			assertThat(failed).as("steps failed, the first with: %s", first).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}
}
