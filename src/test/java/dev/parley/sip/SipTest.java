package dev.parley.sip;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole Parley with SIP switched on, on a free loopback port, driven by real sipp processes (or the programs
 * {@link #tools()} names). Tagged {@code sip}: part of the default (H2) test run. Without them it is skipped with a
 * message, except under CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "parley.sip.enabled=true", "parley.sip.address=127.0.0.1", "parley.sip.notify-interval=0s",
				"parley.sip.requests-per-second=40", "parley.presence.min-expires=60s" })
@ContextConfiguration(initializers = SipTest.FreePort.class)
@Tag("sip")
@ExtendWith(SippAvailable.class)
public @interface SipTest {

	/** The outside programs the test drives. */
	SipTool[] tools() default SipTool.SIPP;

	/** Puts a free UDP and TCP port into {@code parley.sip.port}. */
	class FreePort implements ApplicationContextInitializer<ConfigurableApplicationContext> {
		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sip-test-port",
					java.util.Map.of("parley.sip.port", Sipp.freePort())));
		}
	}
}
