package dev.parley.sip;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.parley.identity.Account;
import dev.parley.identity.Role;
import dev.parley.pidf.PresentityUris;
import dev.parley.presence.PresentityId;
import dev.parley.presence.PresentityKind;
import dev.parley.presence.Watchers;

/**
 * Who is who over SIP: what a Request-URI's user part names, and who may publish for a presentity. The watcher an
 * account is, and whose presentity is whose, are the presence module's ({@link Watchers}).
 * <p>
 * A user part names a presentity by its token ({@code agent-<uuid>}, {@code queue-billing}, ...) or, as a softphone
 * names its own address of record, by an account's username ({@code sip:agent1@parley.local}, looked up without
 * regard to case): that account's own presentity, under exactly the same rules. A username that is no account names
 * {@link #NOBODY}, answered as an unknown presentity is; the NOTIFYs of a subscription made by username carry that
 * address as their PIDF entity, so a watcher cannot tell a refusing account from a missing one by the entity.
 */
final class SipPrincipals {

	/** What a username that is no account names: a presentity nobody has, never registered. */
	static final PresentityId NOBODY = PresentityId.customer(new UUID(0, 0));

	/**
	 * A presentity as a SIP client named it: {@code username} is null for a token; {@code entity} the address of
	 * record written as the PIDF entity for a username (null: the presentity's own URI).
	 */
	record Address(PresentityId presentity, String username, String entity) {

		static Address of(PresentityId presentity) {
			return new Address(presentity, null, null);
		}

		boolean isNobody() {
			return NOBODY.equals(presentity);
		}

		/** What a stored subscription keeps: the token, or the username (looked up again after a restart). */
		String stored() {
			return username != null ? username : presentity.userPart();
		}
	}

	private final Function<String, Optional<Account>> accounts;

	private final PresentityUris uris;

	/** {@code accounts}: an account by username, case-blind (the identity module's lookup in the application). */
	SipPrincipals(Function<String, Optional<Account>> accounts, PresentityUris uris) {
		this.accounts = accounts;
		this.uris = uris;
	}

	/**
	 * What a user part names, for the account that asks (its own username needs no lookup); empty when it can name
	 * nothing at all. A customer or agent token whose key is no account id is read as a username.
	 */
	Optional<Address> address(String user, Account asker) {
		if (user == null || user.isEmpty() || user.length() > 100) {
			return Optional.empty();
		}
		Optional<PresentityId> token = PresentityId.ofUserPart(user).filter(SipPrincipals::mayExist);
		if (token.isPresent()) {
			return token.map(Address::of);
		}
		Optional<Account> account = asker != null && asker.username().equalsIgnoreCase(user) ? Optional.of(asker)
				: accounts.apply(user);
		PresentityId named = account.map(Watchers::ownPresentity).orElse(NOBODY);
		return Optional.of(new Address(named, user, "sip:" + user + "@" + uris.domain()));
	}

	/** The presentity a stored subscription names ({@link Address#stored()}, or a {@code pres:} URI of older rows). */
	Address stored(String value) {
		return PresentityUris.parse(value).map(Address::of).or(() -> address(value, null))
			.orElseThrow(() -> new IllegalArgumentException("not a presentity: " + value));
	}

	/** A customer's or an agent's key is an account id; anything else cannot exist (it may be a username). */
	private static boolean mayExist(PresentityId presentity) {
		if (presentity.kind() != PresentityKind.CUSTOMER && presentity.kind() != PresentityKind.AGENT) {
			return true;
		}
		try {
			UUID.fromString(presentity.key());
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
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
