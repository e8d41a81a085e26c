package dev.parley.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * On PostgreSQL the shared test database is wiped once per test JVM, so every run starts from the
 * migrations alone; later application contexts in the same JVM only migrate.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOncePerRun() {
		return flyway -> {
			if (DatabaseAvailable.postgresProfile() && cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}
}
