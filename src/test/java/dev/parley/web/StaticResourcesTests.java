package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Static files are served from their three paths (the WebJars by version-less paths), and the links a page renders
 * elsewhere are not looked for as files: only those paths are resource paths.
 */
@ParleyIntegrationTest
class StaticResourcesTests {

	@LocalServerPort
	int port;

	@Autowired
	ResourceUrlProvider resources;

	@Test
	void staticFilesAreServedFromTheirPaths() {
		var api = new ApiClient(port);
		var css = api.get("/css/parley.css", null);
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.contentType()).startsWith("text/css");
		assertThat(api.get("/js/live.js", null).status()).isEqualTo(200);
		var htmx = api.get("/webjars/htmx.org/dist/htmx.min.js", null);
		assertThat(htmx.status()).as("a WebJar by its version-less path").isEqualTo(200);
		assertThat(htmx.body()).contains("htmx");
		assertThat(api.get("/js/nothing-here.js", null).status()).isEqualTo(404);
	}

	@Test
	void onlyTheStaticPathsAreResourcePaths() {
		assertThat(resources.getHandlerMap().keySet()).extracting(Object::toString)
			.contains("/css/**", "/js/**", "/webjars/**").doesNotContain("/**");
		assertThat(resources.getForLookupPath("/customer/history")).as("a page's link is not looked up").isNull();
	}
}
