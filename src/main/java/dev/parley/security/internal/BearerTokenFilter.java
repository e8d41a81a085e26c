package dev.parley.security.internal;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.identity.SignInThrottle;
import dev.parley.identity.TokenManagement;
import dev.parley.security.ParleyUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A request with a bad
 * token is refused at once (401), never served as anonymous, and counted against its address by the sign-in
 * throttle; an address locked for too many bad tokens is refused (429 with Retry-After) before its token is looked at.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenManagement tokens;
	private final SignInThrottle throttle;
	private final ProblemWriter problems;

	BearerTokenFilter(TokenManagement tokens, SignInThrottle throttle, ProblemWriter problems) {
		this.tokens = tokens;
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var wait = throttle.refusal(null, request.getRemoteAddr());
		if (wait.isPresent()) {
			problems.tooManyRequests(response, wait.get(), "Too many requests from your address carried unknown tokens. "
					+ "Try again after the time in Retry-After.");
			return;
		}
		var account = tokens.authenticate(header.substring(7).trim());
		if (account.isEmpty()) {
			throttle.failed(null, request.getRemoteAddr(), SignInThrottle.Channel.TOKEN);
			problems.write(response, 401, "Unauthorized", "The bearer token is unknown, expired or revoked.");
			return;
		}
		var user = new ParleyUser(account.get(), "");
		var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
