package dev.parley.presence;

import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.identity.Role;

/**
 * One-off reads (RFC 2778 FETCHER) for the API and pages: who asks (an account and its role) becomes a
 * watcher of the right class; unknown and refused presentities both end in the same "not found".
 */
@Service
public class PresenceReading {

	private final Presence presence;
	private final Presentities presentities;

	PresenceReading(Presence presence, Presentities presentities) {
		this.presence = presence;
		this.presentities = presentities;
	}

	/** The presentity's document as this account may see it. */
	public PresenceDocument fetch(UUID account, Role role, String presentity) {
		PresentityId id = parse(presentity);
		Watcher watcher = Watchers.forAccount(account, role, id);
		if (!presentities.ensure(id) || !(presence.fetch(watcher, id) instanceof FetchResult.Fetched fetched)) {
			throw new NotFoundException("presentity");
		}
		return fetched.document();
	}

	/** {@code customer-<uuid>}, or a full {@code pres:}/{@code sip:} URI; anything else is a 400 naming it. */
	public static PresentityId parse(String presentity) {
		String text = presentity == null ? "" : presentity.strip();
		if (text.contains(":")) {
			try {
				return PresentityId.fromUri(text);
			}
			catch (InvalidInputException e) {
				throw InvalidInputException.of("presentity", "invalid", "is not a Parley presentity URI");
			}
		}
		int dash = text.indexOf('-');
		PresentityKind kind = dash < 0 ? null : PresentityKind.ofToken(text.substring(0, dash));
		if (kind == null) {
			throw InvalidInputException.of("presentity", "invalid",
					"must be <kind>-<key> (customer, agent, queue, group, center) or a pres: URI");
		}
		return new PresentityId(kind, text.substring(dash + 1));
	}
}
