package dev.parley.api;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request body, on every path and however it arrives, is at most {@link #MAX_BODY} (256 KiB); a larger one is
 * answered 413 (problem+json naming the limit) before a security filter, form parser or handler has used it. No
 * document, form or message Parley takes comes near that size, and a huge body must not tie up the server.
 * <ul>
 * <li>A Content-Length over the limit: refused at once, nothing read.</li>
 * <li>A body without Content-Length (chunked): read here as it streams, counting; one byte over the limit and it is
 * refused, else the request goes on with what was read (so no request holds more than 256 KiB).</li>
 * <li>A POSTed form (application/x-www-form-urlencoded) is read by the servlet container itself, held to the same
 * limit (the connector's max post size, set by {@link #customize}); its parameters are asked for here first, so a
 * chunked form over the limit gets the same 413.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the character encoding filter: a form is parsed here, in UTF-8
class RequestSizeLimitFilter extends OncePerRequestFilter
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	static final int MAX_BODY = 256 * 1024;

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(MAX_BODY));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			refuse(response);
		}
		else if (isForm(request)) {
			if (formTooLarge(request)) {
				refuse(response);
			}
			else {
				chain.doFilter(request, response);
			}
		}
		else if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
			byte[] body = read(request.getInputStream());
			if (body == null) {
				refuse(response);
			}
			else {
				chain.doFilter(new ReadBody(request, body), response);
			}
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/** The container parses POSTed forms itself (not through {@code getInputStream}). */
	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return "POST".equals(request.getMethod()) && type != null
				&& type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	/** Parses the form now: the container refuses one over its max post size, saying 413. */
	private static boolean formTooLarge(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return false;
		}
		catch (InvalidParameterException e) {
			if (e.getErrorCode() == 413) {
				return true;
			}
			throw e;
		}
	}

	/** The whole body, or null as soon as it passes the limit. */
	private static byte[] read(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BODY + 1);
		return body.length > MAX_BODY ? null : body;
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(413);
		response.setHeader("Connection", "close");
		response.setContentType(ProblemResponses.PROBLEM_JSON);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content too large\",\"status\":413,"
				+ "\"detail\":\"Request bodies are limited to " + MAX_BODY + " bytes (256 KiB).\",\"limit\":" + MAX_BODY
				+ "}");
	}

	/** The request with its body read already (at most {@link #MAX_BODY} bytes). */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is read already");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
		}
	}
}
