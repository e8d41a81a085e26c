package dev.parley.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A resolver ahead of Spring's {@code VersionResourceResolver}: a file found by a name that carries its content's
 * version ({@code parley-<md5>.css}, which the version resolver answers as an {@link HttpResource} with its ETag) is
 * answered with {@code Cache-Control: max-age=<lifetime>, public, immutable}, so the browser keeps it without asking
 * again. A file found by its plain name is left as it is (the handler's own cache control applies). The links a page
 * writes are the version resolver's; this resolver adds nothing to them.
 */
final class LongLived implements ResourceResolver {

	private final String cacheControl;

	LongLived(Duration lifetime) {
		this.cacheControl = CacheControl.maxAge(lifetime).cachePublic().immutable().getHeaderValue();
	}

	@Override
	public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource found = chain.resolveResource(request, requestPath, locations);
		if (found instanceof HttpResource versioned) {
			return new Kept(found, versioned.getResponseHeaders(), cacheControl);
		}
		return found;
	}

	@Override
	public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourcePath, locations);
	}

	/** The versioned file, with its headers and the long cache control. */
	private static final class Kept extends AbstractResource implements HttpResource {

		private final Resource file;
		private final HttpHeaders headers;

		Kept(Resource file, HttpHeaders headers, String cacheControl) {
			this.file = file;
			this.headers = new HttpHeaders();
			this.headers.putAll(headers);
			this.headers.setCacheControl(cacheControl);
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			return headers;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return file.getInputStream();
		}

		@Override
		public boolean exists() {
			return file.exists();
		}

		@Override
		public boolean isReadable() {
			return file.isReadable();
		}

		@Override
		public URL getURL() throws IOException {
			return file.getURL();
		}

		@Override
		public URI getURI() throws IOException {
			return file.getURI();
		}

		@Override
		public File getFile() throws IOException {
			return file.getFile();
		}

		@Override
		public long contentLength() throws IOException {
			return file.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return file.lastModified();
		}

		@Override
		public Resource createRelative(String relativePath) throws IOException {
			return file.createRelative(relativePath);
		}

		@Override
		public @Nullable String getFilename() {
			return file.getFilename();
		}

		@Override
		public String getDescription() {
			return "kept for long: " + file.getDescription();
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Kept k && k.file.equals(file);
		}

		@Override
		public int hashCode() {
			return file.hashCode();
		}
	}
}
