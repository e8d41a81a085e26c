package dev.parley.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A whole Parley on a random loopback port over a real database. Tagged {@code db}: the build runs
 * these tests on H2 and again on PostgreSQL (profile pgtest), where an unreachable server skips them
 * on a laptop and fails them under CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
@Import(TestDatabaseConfiguration.class)
public @interface ParleyIntegrationTest {
}
