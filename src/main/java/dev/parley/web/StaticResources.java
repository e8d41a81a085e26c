package dev.parley.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Parley's static files, each under its own path: {@code /css/**}, {@code /js/**}, {@code /img/**} (the pages'
 * icon, so a browser does not ask for a {@code /favicon.ico} nothing serves) and the WebJars (version-less
 * paths, {@code /webjars/htmx.org/dist/htmx.min.js}). Spring Boot's default handler for {@code /**} is off
 * ({@code spring.web.resources.add-mappings: false}): with the resource chain on (the WebJars locator turns it on),
 * every link a page renders ({@code @{/login}}, {@code @{/customer/history}}) was looked for as a file in four class
 * path folders of the jar before it was written, and a miss is not cached: under a load of sign-ins, 44% of the
 * server's CPU. Now only links under these paths are resolved, and found ones are cached.
 * <p>
 * A page links its files by their content ({@code @{/css/parley.css}} is written {@code /css/parley-<md5>.css}, by
 * Spring's resource URL filter): such a link names those bytes for ever, so its answer may be kept by the browser for a
 * year without asking again ({@link LongLived}); a new build's page links the new bytes. A file asked for by its plain
 * name (the widget's script on a company's page, the widget's style sheet it loads, an old bookmark) is kept but asked
 * again each time ({@code no-cache}: the browser revalidates and gets 304 while the file is unchanged). Before, the
 * security headers' {@code no-store} went on these files too, and every page view fetched its style sheet and scripts
 * again (the supervisor's charts library alone is a megabyte).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	/** How long a browser keeps a file asked for by its content's name. */
	static final Duration VERSIONED_LIFETIME = Duration.ofDays(365);

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		files(registry, "/css/**", "classpath:/static/css/");
		files(registry, "/js/**", "classpath:/static/js/");
		files(registry, "/img/**", "classpath:/static/img/");
		files(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/")
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/** A path's files: by their content's name kept for long, by their plain name revalidated; resolutions cached. */
	private static ResourceChainRegistration files(ResourceHandlerRegistry registry, String path, String location) {
		return registry.addResourceHandler(path)
			.addResourceLocations(location)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new LongLived(VERSIONED_LIFETIME))
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}
}
