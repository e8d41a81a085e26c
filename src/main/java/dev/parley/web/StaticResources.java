package dev.parley.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Parley's static files, each under its own path: {@code /css/**}, {@code /js/**} and the WebJars (version-less
 * paths, {@code /webjars/htmx.org/dist/htmx.min.js}). Spring Boot's default handler for {@code /**} is off
 * ({@code spring.web.resources.add-mappings: false}): with the resource chain on (the WebJars locator turns it on),
 * every link a page renders ({@code @{/login}}, {@code @{/customer/history}}) was looked for as a file in four class
 * path folders of the jar before it was written, and a miss is not cached: under a load of sign-ins, 44% of the
 * server's CPU. Now only links under these paths are resolved, and found ones are cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
