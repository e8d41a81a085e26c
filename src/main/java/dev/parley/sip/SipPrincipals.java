package dev.parley.sip;

import java.util.Optional;

import dev.parley.identity.Account;
import dev.parley.identity.Role;
import dev.parley.presence.PresentityId;
import dev.parley.presence.Watchers;

/**
 * Who is who over SIP: a Request-URI's user part as a presentity, and who may publish for a presentity. The watcher
 * an account is, and whose presentity is whose, are the presence module's ({@link Watchers}).
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
		return PresentityId.ofUserPart(user);
	}

	/** Its principal; supervisors and admins for agents; any staff for queues, groups and the center. */
	static boolean mayPublish(Account account, PresentityId presentity) {
		if (Watchers.isOwn(account, presentity)) {
			return true;
		}
		return switch (presentity.kind()) {
			case CUSTOMER -> false;
			case AGENT -> account.role() == Role.SUPERVISOR || account.role() == Role.ADMIN;
			case QUEUE, GROUP, CENTER -> account.role().isStaff();
		};
	}
}
