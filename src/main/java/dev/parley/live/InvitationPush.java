package dev.parley.live;

import java.util.LinkedHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.parley.invitations.InvitationEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Invitations' steps, pushed to both sides as an {@code invitation} event (id, direction, state, and the interaction
 * an accepted one, or a request withdrawn for a queue, became): the customer's portal shows or takes away its notice
 * and follows a request's page, the agent's workstation its list. Delivered from the event publication
 * registry, so a step whose push failed is pushed again; pushing twice only refreshes what the page shows.
 */
@Component
class InvitationPush {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LiveHub hub;

	InvitationPush(LiveHub hub) {
		this.hub = hub;
	}

	@ApplicationModuleListener
	void on(InvitationEvent event) {
		var data = new LinkedHashMap<String, Object>();
		data.put("id", event.invitation().toString());
		data.put("direction", event.direction().token());
		data.put("state", event.state().token());
		if (event instanceof InvitationEvent.InvitationAccepted accepted) {
			data.put("interaction", accepted.interaction().toString());
		}
		else if (event instanceof InvitationEvent.InvitationWithdrawn withdrawn && withdrawn.interaction() != null) {
			data.put("interaction", withdrawn.interaction().toString()); // the queued contact the customer went to
		}
		String json = JSON.writeValueAsString(data);
		hub.sendToAccount(event.customer().value(), "invitation", json);
		hub.sendToAccount(event.agent().value(), "invitation", json);
	}
}
