package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.catalog.Catalog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.orders.Order;
import dev.parley.orders.OrderFixtures;
import dev.parley.orders.OrderFulfilment;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.OrderStatusChanged;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.DatabaseAvailable;
import dev.parley.testing.TestDatabaseConfiguration;

/**
 * Events between modules go through the JDBC publication registry: delivered after commit (never for a
 * rolled-back change), and delivered again when the process died while a listener was handling one. The
 * "crash" is a first application whose listener never finishes (the row it leaves is what kill -9 leaves); a
 * second application on the same database (H2, and PostgreSQL in the pgtest run) must deliver the event.
 */
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
class EventRedeliveryTests {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
	private final String h2 = "jdbc:h2:mem:redelivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@AfterEach
	void stop() {
		Probe.release.countDown();
		contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void anEventWhoseListenerDiedWithTheProcessIsDeliveredAgain() throws Exception {
		Probe.reset(true);
		var first = start("--parley.events.redelivery-interval=1h", "--spring.modulith.events.staleness.processing=1h");
		Order order = placeOrder(first);
		assertThat(Probe.started.await(10, TimeUnit.SECONDS)).as("the listener got the event").isTrue();
		// The first application's listener never finishes: for the database this is the state a kill -9 leaves
		// (the publication stays "processing"). It is not closed here only because closing waits for the listener.

		Probe.reset(false);
		var second = start("--parley.events.redelivery-interval=300ms",
				"--spring.modulith.events.staleness.processing=1s", "--spring.modulith.events.staleness.check-intervall=300ms");
		assertThat(Probe.delivered(order, Duration.ofSeconds(20))).as("delivered again after the restart").isTrue();
		var jdbc = second.getBean(JdbcClient.class);
		long open = 0;
		for (int i = 0; i < 50; i++) {
			open = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?")
				.param("%" + Probe.class.getSimpleName() + "%").query(Long.class).single();
			if (open == 0) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(open).as("no publication of the probe left incomplete").isZero();
	}

	@Test
	void aRolledBackChangeAnnouncesNothing() throws Exception {
		Probe.reset(false);
		var app = start();
		Order order = placeOrder(app);
		assertThat(Probe.delivered(order, Duration.ofSeconds(10))).isTrue();
		var fulfilment = app.getBean(OrderFulfilment.class);
		var tx = app.getBean(TransactionTemplate.class);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			fulfilment.pay(order.id(), null, null);
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");
		Thread.sleep(1000);
		assertThat(Probe.events).noneMatch(e -> e.order().equals(order.id()) && e.status() == OrderStatus.PAID);
	}

	private Order placeOrder(ConfigurableApplicationContext app) {
		var customer = AccountFixtures.account(app.getBean(IdentityManagement.class), Role.CUSTOMER);
		var product = OrderFixtures.product(app.getBean(Catalog.class), "Lamp", 1999);
		return OrderFixtures.place(app.getBean(OrderFulfilment.class), customer.id().value(), product, 1, null);
	}

	private ConfigurableApplicationContext start(String... args) {
		var all = new ArrayList<>(List.of(args));
		all.add("--server.port=0");
		boolean postgres = System.getProperty("spring.profiles.active", "").contains("pgtest");
		if (!postgres) {
			all.add("--spring.datasource.url=" + h2);
		}
		var context = new SpringApplicationBuilder(ParleyApplication.class, Probe.class, TestDatabaseConfiguration.class)
			.profiles(postgres ? new String[] { "test", "pgtest" } : new String[] { "test" })
			.run(all.toArray(String[]::new));
		contexts.add(context);
		return context;
	}

	/** A listener of another module's event; in "hang" mode it never finishes, like a process that died. */
	static class Probe {

		static final List<OrderStatusChanged> events = new CopyOnWriteArrayList<>();
		static volatile CountDownLatch started = new CountDownLatch(1);
		static volatile CountDownLatch release = new CountDownLatch(1);
		static volatile boolean hangNext;

		private final boolean hang = hangNext;

		static void reset(boolean hang) {
			events.clear();
			started = new CountDownLatch(1);
			if (hang) {
				release = new CountDownLatch(1);
			}
			hangNext = hang;
		}

		static boolean delivered(Order order, Duration within) throws InterruptedException {
			long end = System.nanoTime() + within.toNanos();
			while (System.nanoTime() < end) {
				if (events.stream().anyMatch(e -> e.order().equals(order.id()) && e.status() == OrderStatus.PLACED)) {
					return true;
				}
				Thread.sleep(50);
			}
			return false;
		}

		@ApplicationModuleListener
		void on(OrderStatusChanged event) throws InterruptedException {
			if (hang) {
				started.countDown();
				release.await(60, TimeUnit.SECONDS);
				throw new IllegalStateException("the process died before this listener finished");
			}
			events.add(event);
		}
	}
}
