package dev.parley.presence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.parley.agent.AgentManagement;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;

/**
 * Which presentities exist: every customer and agent account, every agent group (as a group and as its
 * queue) and the center. Asked on demand, so 100,000 customers cost nothing until someone watches or
 * publishes one; the few groups and the center are registered on start-up.
 */
@Service
public class Presentities {

	/** The key of the one center presentity ({@code center-main}). */
	public static final String CENTER = "main";

	private final Presence presence;
	private final IdentityManagement identity;
	private final AgentManagement agents;
	private final PortalPresence portal;

	Presentities(Presence presence, IdentityManagement identity, AgentManagement agents, PortalPresence portal) {
		this.presence = presence;
		this.identity = identity;
		this.agents = agents;
		this.portal = portal;
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerCenterAndGroups() {
		presence.register(PresentityId.center(CENTER));
		agents.groups().forEach(g -> {
			presence.register(PresentityId.group(g.key()));
			presence.register(PresentityId.queue(g.key()));
		});
	}

	/** True when the presentity exists, registering it with the presence service on first use. */
	public boolean ensure(PresentityId presentity) {
		if (presence.exists(presentity)) {
			return true;
		}
		boolean exists = switch (presentity.kind()) {
			case CUSTOMER -> role(presentity).filter(r -> r == Role.CUSTOMER).isPresent();
			case AGENT -> role(presentity).filter(Role::isStaff).isPresent();
			case GROUP, QUEUE -> agents.groups().stream().anyMatch(g -> g.key().equals(presentity.key()));
			case CENTER -> CENTER.equals(presentity.key());
		};
		if (exists) {
			presence.register(presentity);
			if (presentity.kind() == PresentityKind.CUSTOMER) {
				portal.track(UUID.fromString(presentity.key()));
			}
		}
		return exists;
	}

	private Optional<Role> role(PresentityId presentity) {
		return ParleyAccessPolicy.account(presentity.key()).flatMap(a -> identity.find(new AccountId(a)))
			.map(a -> a.role());
	}
}
