package dev.parley.api;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentStates;
import dev.parley.invitations.Direction;
import dev.parley.invitations.Invitation;
import dev.parley.invitations.Invitations;

/** Invitations as JSON, with the names of both sides and the sentence the invited side reads. */
@Component
class InvitationViews {

	record CustomerParty(UUID id, String name) {
	}

	record AgentParty(UUID id, String name, String group) {
	}

	record InvitationView(UUID id, String direction, String state, String medium, String topic, String order,
			UUID product, CustomerParty customer, AgentParty agent, String agentState, String text, Instant createdAt,
			Instant expiresAt, Instant answeredAt, UUID answeredBy, UUID interaction, long version) {
	}

	private final Invitations invitations;
	private final AgentStates states;

	InvitationViews(Invitations invitations, AgentStates states) {
		this.invitations = invitations;
		this.states = states;
	}

	InvitationView view(Invitation i) {
		var names = invitations.names(i);
		String medium = i.medium().name().toLowerCase(Locale.ROOT);
		String about = i.order() != null ? " about order " + i.order() : i.topic() != null ? " about: " + i.topic() : "";
		String text = i.direction() == Direction.TO_CUSTOMER
				? names.agent() + " from " + names.group() + " invites you to " + verb(medium) + about
				: names.customer() + " asks for you" + (i.topic() == null ? "" : " about: " + i.topic());
		String agentState = i.direction() == Direction.TO_AGENT ? states.status(i.agent()).state().token() : null;
		return new InvitationView(i.id().value(), i.direction().token(), i.state().token(), medium, i.topic(), i.order(),
				i.product() == null ? null : i.product().value(), new CustomerParty(i.customer().value(), names.customer()),
				new AgentParty(i.agent().value(), names.agent(), names.group()), agentState, text, i.createdAt(),
				i.expiresAt(), i.answeredAt(), i.answeredBy(), i.interaction() == null ? null : i.interaction().value(),
				i.version());
	}

	private static String verb(String medium) {
		return switch (medium) {
			case "chat" -> "chat";
			case "voice" -> "a call";
			case "video" -> "a video call";
			default -> "an email conversation";
		};
	}
}
