package dev.parley.presence;

import java.util.UUID;

import dev.parley.identity.Account;
import dev.parley.identity.Role;

/**
 * Who a Parley account is to the presence service, decided here once for every adapter (SIP, the API, the pages'
 * live push): the account's own presentity, whether it is a presentity's principal, and the {@link Watcher} it is
 * when it watches one ({@code urn:uuid:<account>}; SELF for its own presentity, else the class of its role).
 */
public final class Watchers {

	private Watchers() {
	}

	/** The account as a watcher of {@code target}: SELF for its own presentity, else the class its role gives. */
	public static Watcher forAccount(Account account, PresentityId target) {
		return forAccount(account.id().value(), account.role(), target);
	}

	public static Watcher forAccount(UUID account, Role role, PresentityId target) {
		return Watcher.account(account, isOwn(account, role, target) ? WatcherClass.SELF : classOf(role));
	}

	/** The class of watcher a role makes of an account; supervisors and administrators watch as SUPERVISOR. */
	public static WatcherClass classOf(Role role) {
		return switch (role) {
			case CUSTOMER -> WatcherClass.CUSTOMER;
			case AGENT -> WatcherClass.AGENT;
			case SUPERVISOR, ADMIN -> WatcherClass.SUPERVISOR;
		};
	}

	/** The account's own presentity: a customer's {@code customer-<id>}, any staff member's {@code agent-<id>}. */
	public static PresentityId ownPresentity(Account account) {
		return ownPresentity(account.id().value(), account.role());
	}

	public static PresentityId ownPresentity(UUID account, Role role) {
		return role == Role.CUSTOMER ? PresentityId.customer(account) : PresentityId.agent(account);
	}

	/** Whether the account is the presentity's principal: the presentity is its own. */
	public static boolean isOwn(Account account, PresentityId presentity) {
		return isOwn(account.id().value(), account.role(), presentity);
	}

	public static boolean isOwn(UUID account, Role role, PresentityId presentity) {
		return ownPresentity(account, role).equals(presentity);
	}
}
