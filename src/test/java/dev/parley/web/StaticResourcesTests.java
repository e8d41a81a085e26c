package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Static files are served from their three paths (the WebJars by version-less paths), and the links a page renders
 * elsewhere are not looked for as files: only those paths are resource paths. A page links its files by their
 * content's name, kept by the browser for a year; by its plain name a file is revalidated each time.
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
		var icon = api.get("/img/parley.svg", null);
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.contentType()).startsWith("image/svg+xml");
		var htmx = api.get("/webjars/htmx.org/dist/htmx.min.js", null);
		assertThat(htmx.status()).as("a WebJar by its version-less path").isEqualTo(200);
		assertThat(htmx.body()).contains("htmx");
		assertThat(api.get("/js/nothing-here.js", null).status()).isEqualTo(404);
	}

	@Test
	void onlyTheStaticPathsAreResourcePaths() {
		assertThat(resources.getHandlerMap().keySet()).extracting(Object::toString)
			.contains("/css/**", "/js/**", "/img/**", "/webjars/**").doesNotContain("/**");
		assertThat(resources.getForLookupPath("/customer/history")).as("a page's link is not looked up").isNull();
	}

	@Test
	void aPageLinksItsFilesByTheirContentAndTheyAreKeptForAYear() throws Exception {
		String page = get("/login", null).body();
		var links = Pattern.compile("(?:href|src)=\"(/(?:css|js|img|webjars)/[^\"]+)\"").matcher(page).results()
			.map(m -> m.group(1)).toList();
		assertThat(links).as("the login page's style sheet, icon and scripts").hasSizeGreaterThanOrEqualTo(4)
			.anySatisfy(link -> assertThat(link).startsWith("/img/parley-"))
			.allSatisfy(link -> assertThat(link).matches(".*-[0-9a-f]{32}\\.(css|js|svg)"));
		for (String link : links) {
			var answer = get(link, null);
			assertThat(answer.statusCode()).as(link).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(link)
				.hasValue("max-age=31536000, public, immutable");
			assertThat(answer.headers().firstValue("Pragma")).as(link + ": no security header forbids keeping it")
				.isEmpty();
		}
	}

	@Test
	void aFileByItsPlainNameIsAskedForAgainAndAnsweredNotModified() throws Exception {
		// the widget's script is linked by its plain name from companies' pages: a new build must reach them
		var answer = get("/js/widget.js", null);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String lastModified = answer.headers().firstValue("Last-Modified").orElseThrow();
		var again = get("/js/widget.js", lastModified);
		assertThat(again.statusCode()).as("unchanged since: not sent again").isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@Test
	void aNameWithAnotherContentsVersionIsNotFoundAndNotKept() throws Exception {
		var answer = get("/css/parley-00000000000000000000000000000000.css", null);
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	private HttpResponse<String> get(String path, String ifModifiedSince) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (ifModifiedSince != null) {
			request.header("If-Modified-Since", ifModifiedSince);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
