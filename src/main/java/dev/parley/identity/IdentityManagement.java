package dev.parley.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.ConflictException;
import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.identity.internal.AccountStore;

/**
 * Opens accounts and finds them. Passwords are kept only as adaptive (bcrypt) hashes, plus the digest HA1 of
 * the configured realm for SIP clients ({@link DigestCredentials}).
 */
@Service
public class IdentityManagement {

	private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@+-]{3,100}");

	private final AccountStore accounts;
	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
	private final DigestCredentials digest;
	private final Clock clock;

	IdentityManagement(AccountStore accounts, DigestCredentials digest, Optional<Clock> clock) {
		this.accounts = accounts;
		this.digest = digest;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	public Account open(NewAccount request) {
		return open(AccountId.random(), request);
	}

	/** Opens an account with a chosen id (customers and agents reuse their account's id). */
	@Transactional
	public Account open(AccountId id, NewAccount request) {
		validate(request);
		if (accounts.findByUsername(request.username()).isPresent()) {
			throw new ConflictException("username-taken", "username is already taken");
		}
		var account = new Account(id, request.username().trim(), request.displayName().trim(), request.role(), true,
				Instant.now(clock));
		accounts.insert(account, encoder.encode(request.password()));
		digest.storePassword(account, request.password());
		return account;
	}

	public Optional<Account> find(AccountId id) {
		return accounts.findById(id);
	}

	public Account get(AccountId id) {
		return find(id).orElseThrow(() -> new NotFoundException("account"));
	}

	public Optional<Account> findByUsername(String username) {
		return username == null || username.isBlank() ? Optional.empty() : accounts.findByUsername(username);
	}

	public Optional<Credentials> credentials(String username) {
		return accounts.findCredentials(username);
	}

	/** Checks a password against the account's stored hash. */
	public boolean passwordMatches(Credentials credentials, String password) {
		return encoder.matches(password, credentials.passwordHash());
	}

	@Transactional
	public void rename(AccountId id, String displayName) {
		new Violations().required(displayName, "displayName").text(displayName, 120, "displayName").throwIfAny();
		accounts.updateDisplayName(id, displayName.trim());
	}

	private static void validate(NewAccount request) {
		var v = new Violations();
		v.required(request.username(), "username");
		v.check(request.username() != null && !request.username().isBlank()
				&& !USERNAME.matcher(request.username().trim()).matches(), "username", "pattern",
				"must be 3 to 100 letters, digits or . _ @ + -");
		PasswordRules.check(request.username(), request.password(), v);
		v.required(request.displayName(), "displayName").text(request.displayName(), 120, "displayName");
		v.check(request.role() == null, "role", "required", "must be given");
		v.throwIfAny();
	}
}
