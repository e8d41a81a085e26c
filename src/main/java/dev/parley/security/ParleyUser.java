package dev.parley.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.Role;

/** The signed-in person, as controllers receive it with {@code @AuthenticationPrincipal}. */
public final class ParleyUser implements UserDetails {

	private final Account account;
	private final String passwordHash;

	public ParleyUser(Account account, String passwordHash) {
		this.account = account;
		this.passwordHash = passwordHash;
	}

	public AccountId accountId() {
		return account.id();
	}

	/** The account's id as the plain UUID that customer and agent ids share. */
	public UUID id() {
		return account.id().value();
	}

	/** The signed-in customer's id (the same UUID as the account's). */
	public CustomerId customerId() {
		return new CustomerId(id());
	}

	/** The signed-in agent's id (the same UUID as the account's). */
	public AgentId agentId() {
		return new AgentId(id());
	}

	public Role role() {
		return account.role();
	}

	public String displayName() {
		return account.displayName();
	}

	public boolean is(Role role) {
		return account.role() == role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.username();
	}

	@Override
	public boolean isEnabled() {
		return account.enabled();
	}
}
