package dev.parley.live;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link LiveSlowClientTests} on the servlet stream ({@link ServletChannel}, {@code parley.live.upgrade=false}: what
 * HTTP/2 and other containers get): browsers that stop reading hold up nobody else there too.
 */
@TestPropertySource(properties = "parley.live.upgrade=false")
class LiveSlowClientServletStreamTests extends LiveSlowClientTests {
}
