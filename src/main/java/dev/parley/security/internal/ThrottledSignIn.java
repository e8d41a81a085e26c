package dev.parley.security.internal;

import java.io.IOException;
import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import dev.parley.identity.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in form's password check behind the sign-in throttle: a username and address that are locked are
 * refused before the password is looked at (so the right password does not get in either), a wrong password is
 * counted, a right one clears the account's count. The form then shows how long to wait.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider, AuthenticationFailureHandler {

	/**
	 * Sign-ins for this username from this address are refused for {@code wait}. An account status exception, so an
	 * authentication manager never goes on to another provider that would check the password.
	 */
	static final class Locked extends LockedException {

		private final Duration wait;

		Locked(Duration wait) {
			super("too many failed sign-ins");
			this.wait = wait;
		}
	}

	private final SignInThrottle throttle;

	private final DaoAuthenticationProvider passwords;

	ThrottledSignIn(SignInThrottle throttle, AccountUserDetailsService accounts) {
		this.throttle = throttle;
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String source = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
		var wait = throttle.refusal(username, source);
		if (wait.isPresent()) {
			throw new Locked(wait.get());
		}
		try {
			Authentication done = passwords.authenticate(authentication);
			throttle.succeeded(username, source);
			return done;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username, source, SignInThrottle.Channel.FORM);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Back to the form: {@code ?locked=<seconds>} while locked, {@code ?error} for anything else. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String query = exception instanceof Locked l ? "locked=" + l.wait.toSeconds() : "error";
		response.sendRedirect(request.getContextPath() + "/login?" + query);
	}
}
