package dev.parley.demo;

import java.sql.SQLException;
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

/**
 * Seeds the demo dataset when enabled, the database is empty and it is not PostgreSQL (the production
 * database never gets demo data), then lists the demo sign-ins in the log.
 */
@Component
class DemoDataLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProperties properties;
	private final List<DemoSeeder> seeders;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transaction;

	DemoDataLoader(DemoProperties properties, List<DemoSeeder> seeders, JdbcClient jdbc, DataSource dataSource,
			TransactionTemplate transaction) {
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
		if (isPostgres()) {
			log.info("Demo data is never loaded into PostgreSQL.");
			return;
		}
		long accounts = jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
		if (accounts > 0) {
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

	private void logSignIns(DemoDataset dataset) {
		var text = new StringBuilder("Demo data loaded. Sign in at /login with password '")
			.append(DemoDataset.PASSWORD).append("' as:");
		dataset.signIns.forEach(s -> text.append(System.lineSeparator())
			.append(String.format("  %-10s %-14s %s", s.role(), s.username(), s.description())));
		log.info(text.toString());
	}

	private boolean isPostgres() {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			return false;
		}
	}
}
