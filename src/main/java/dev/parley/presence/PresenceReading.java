package dev.parley.presence;

import java.util.UUID;

import org.springframework.stereotype.Service;

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
	public PresenceDocument fetch(UUID account, Role role, PresentityId id) {
		Watcher watcher = Watchers.forAccount(account, role, id);
		if (!presentities.ensure(id) || !(presence.fetch(watcher, id) instanceof FetchResult.Fetched fetched)) {
			throw new NotFoundException("presentity");
		}
		return fetched.document();
	}
}
