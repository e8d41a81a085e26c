package dev.parley.demo;

import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.common.Databases;

/**
 * Seeds the demo dataset when enabled, the database is empty and it is not PostgreSQL (the production
 * database never gets demo data), then lists the demo sign-ins in the log. A database that holds data is not seeded
 * again; only demo data from a version without queues gets the demo's queues.
 */
@Component
class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProperties properties;
	private final List<DemoSeeder> seeders;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transaction;
	private final QueueSeeder queueSeeder;

	DemoDataLoader(DemoProperties properties, List<DemoSeeder> seeders, JdbcClient jdbc, DataSource dataSource,
			TransactionTemplate transaction, QueueSeeder queueSeeder) {
		this.queueSeeder = queueSeeder;
		this.properties = properties;
		this.seeders = seeders;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadOnFirstStart() {
		if (!properties.enabled()) {
			return;
		}
		if (Databases.isPostgres(dataSource)) {
			log.info("Demo data is never loaded into PostgreSQL.");
			return;
		}
		long accounts = jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
		if (accounts > 0) {
			addQueuesToEarlierDemo();
			log.info("Database already holds data; demo data not loaded. Demo sign-ins, if it was seeded before: "
					+ "admin, supervisor, agent1..agent10, alice, bob, ... with password '{}'", DemoDataset.PASSWORD);
			return;
		}
		DemoDataset dataset = new DemoDataset();
		transaction.executeWithoutResult(status -> seeders.stream()
			.sorted(Comparator.comparingInt(DemoSeeder::order))
			.forEach(s -> s.seed(dataset)));
		logSignIns(dataset);
	}

	/**
	 * Demo data seeded by a version without queues (the demo's groups and agents, no queue at all) gets the demo's
	 * queues, so its chats reach its agents; any other database is left alone.
	 */
	private void addQueuesToEarlierDemo() {
		long demo = jdbc.sql("SELECT COUNT(*) FROM accounts WHERE username IN ('admin', 'supervisor', 'agent1')")
			.query(Long.class).single();
		if (demo < 3 || queueSeeder.anyQueue()) {
			return;
		}
		var added = transaction.execute(status -> queueSeeder.seedMissing());
		if (added != null && !added.isEmpty()) {
			log.info("Demo queues added to the demo data of an earlier version: {}", added);
		}
	}

	private void logSignIns(DemoDataset dataset) {
		var text = new StringBuilder("Demo data loaded. Sign in at /login with password '")
			.append(DemoDataset.PASSWORD).append("' as:");
		dataset.signIns.forEach(s -> text.append(System.lineSeparator())
			.append(String.format("  %-10s %-14s %s", s.role(), s.username(), s.description())));
		log.info(text.toString());
	}
}
