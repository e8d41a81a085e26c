package dev.parley.testing;

import java.sql.DriverManager;
import java.util.Arrays;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL runs when no server answers, with a clear message, except under CI (CI=true),
 * where a missing PostgreSQL fails the build.
 */
public class DatabaseAvailable implements ExecutionCondition {

	private static volatile Boolean reachable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!postgresProfile()) {
			return ConditionEvaluationResult.enabled("H2 run");
		}
		if (reachable == null) {
			reachable = probe();
		}
		if (reachable) {
			return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url());
		}
		String message = "PostgreSQL is not reachable at " + url() + " (user " + user()
				+ "); start it or set PARLEY_TEST_DB_URL";
		if (CiEnvironment.isCi()) {
			throw new IllegalStateException(message + ". CI=true requires PostgreSQL.");
		}
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}

	static boolean postgresProfile() {
		String profiles = System.getProperty("spring.profiles.active", "");
		return Arrays.asList(profiles.split(",")).contains("pgtest");
	}

	private static boolean probe() {
		try (var c = DriverManager.getConnection(url(), user(), env("PARLEY_TEST_DB_PASSWORD", ""))) {
			return c.isValid(3);
		}
		catch (Exception e) {
			return false;
		}
	}

	static String url() {
		return env("PARLEY_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	static String user() {
		return env("PARLEY_TEST_DB_USER", "postgres");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
