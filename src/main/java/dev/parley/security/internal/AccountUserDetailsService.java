package dev.parley.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import dev.parley.identity.IdentityManagement;
import dev.parley.security.ParleyUser;

/** Adapts identity's accounts to Spring Security's form login. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final IdentityManagement identity;

	AccountUserDetailsService(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return identity.credentials(username)
			.map(c -> new ParleyUser(c.account(), c.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}
}
