package dev.parley.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Parley on a random loopback port, driven by a real headless Chromium (Debian's chromium and
 * chromium-driver). Without them the test is skipped with a message, except under CI (CI=true), where
 * it fails. Inject a {@link Browser} as a test method parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
