package dev.parley.security.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Parley's real security chains (bearer tokens for the API, form login and CSRF for pages) for web-slice
 * tests ({@code @WebMvcTest}); the identity services they call are the test's to provide (mocks).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, ProblemWriter.class, AccountUserDetailsService.class, ThrottledSignIn.class })
public class WebSliceSecurity {
}
