package dev.parley.testing;

import java.util.UUID;

import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.NewAccount;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;

/** Accounts and tokens for tests: each call makes a fresh, uniquely named account. */
public final class AccountFixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private AccountFixtures() {
	}

	public record SignedIn(Account account, String token) {

		public UUID id() {
			return account.id().value();
		}

		public String username() {
			return account.username();
		}
	}

	public static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static Account account(IdentityManagement identity, Role role) {
		return identity.open(new NewAccount(uniqueName(role.name().toLowerCase()), PASSWORD, "Test " + role, role));
	}

	public static SignedIn withToken(IdentityManagement identity, TokenManagement tokens, Role role) {
		var account = account(identity, role);
		return new SignedIn(account, tokens.issue(account.id(), "test", null).secret());
	}
}
