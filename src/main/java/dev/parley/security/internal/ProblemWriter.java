package dev.parley.security.internal;

import java.io.IOException;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/** Writes RFC 9457 problem details for refusals that happen before a controller runs. */
@Component
class ProblemWriter {

	/** 429 with Retry-After in whole seconds (at least 1). */
	void tooManyRequests(HttpServletResponse response, java.time.Duration wait, String detail) throws IOException {
		response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
		write(response, 429, "Too Many Requests", detail);
	}

	void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"parley\"");
		}
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
	}
}
