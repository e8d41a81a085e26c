package dev.parley.sip;

import java.util.Optional;

import dev.parley.common.InvalidInputException;
import dev.parley.identity.Account;
import dev.parley.identity.Role;
import dev.parley.presence.PresentityId;
import dev.parley.presence.PresentityKind;
import dev.parley.presence.Watcher;
import dev.parley.presence.WatcherClass;

/**
 * Who is who: a Request-URI's user part as a presentity, an authenticated account as the presence
 * {@link Watcher} a browser of the same account would be, and who may publish for a presentity.
 */
final class SipPrincipals {

	private SipPrincipals() {
	}

	/** {@code agent-<uuid>}, {@code queue-billing}, ...; anything else is no presentity. */
	static Optional<PresentityId> presentity(SipRequest request) {
		String user = request.requestUser();
		if (user.isEmpty() || user.length() > 80) {
			return Optional.empty();
		}
		try {
			return Optional.of(PresentityId.fromUri("sip:" + user + "@" + PresentityId.DOMAIN));
		}
		catch (InvalidInputException e) {
			return Optional.empty();
		}
	}

	/** The account as a watcher: {@code urn:uuid:<account>}, SELF for its own presentity, else by role. */
	static Watcher watcher(Account account, PresentityId presentity) {
		return Watcher.account(account.id().value(), owns(account, presentity) ? WatcherClass.SELF : byRole(account.role()));
	}

	static WatcherClass byRole(Role role) {
		return switch (role) {
			case CUSTOMER -> WatcherClass.CUSTOMER;
			case AGENT -> WatcherClass.AGENT;
			case SUPERVISOR, ADMIN -> WatcherClass.SUPERVISOR;
		};
	}

	/** The presentity's principal: the customer or agent whose account id is its key. */
	static boolean owns(Account account, PresentityId presentity) {
		boolean person = presentity.kind() == PresentityKind.CUSTOMER && account.role() == Role.CUSTOMER
				|| presentity.kind() == PresentityKind.AGENT && account.role().isStaff();
		return person && presentity.key().equals(account.id().value().toString());
	}

	/** Its principal; supervisors and admins for agents; any staff for queues, groups and the center. */
	static boolean mayPublish(Account account, PresentityId presentity) {
		if (owns(account, presentity)) {
			return true;
		}
		return switch (presentity.kind()) {
			case CUSTOMER -> false;
			case AGENT -> account.role() == Role.SUPERVISOR || account.role() == Role.ADMIN;
			case QUEUE, GROUP, CENTER -> account.role().isStaff();
		};
	}
}
