package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.invitations.Direction;
import dev.parley.invitations.Invitation;
import dev.parley.invitations.Invitations;
import dev.parley.invitations.RequestOutlooks;

/** Invitations as JSON, with the names of both sides and the sentence the invited side reads. */
@Component
class InvitationViews {

	record CustomerParty(UUID id, String name) {
	}

	record AgentParty(UUID id, String name, String group) {
	}

	/** Another agent of the group who is ready now for the request's medium. */
	record AlternativeAgent(UUID id, String name, String group) {
	}

	/**
	 * {@code agentState}, {@code estimate} (seconds until the asked agent is likely free, or null) and
	 * {@code alternatives} (who else can help) describe a customer's request; an agent's invitation has none.
	 */
	record InvitationView(UUID id, String direction, String state, String medium, String topic, String order,
			UUID product, CustomerParty customer, AgentParty agent, String agentState, Long estimate,
			List<AlternativeAgent> alternatives, String text, Instant createdAt, Instant expiresAt, Instant answeredAt,
			UUID answeredBy, UUID interaction, long version) {
	}

	private final Invitations invitations;
	private final RequestOutlooks outlooks;

	InvitationViews(Invitations invitations, RequestOutlooks outlooks) {
		this.invitations = invitations;
		this.outlooks = outlooks;
	}

	InvitationView view(Invitation i) {
		var names = invitations.names(i);
		String medium = i.medium().name().toLowerCase(Locale.ROOT);
		String about = i.order() != null ? " about order " + i.order() : i.topic() != null ? " about: " + i.topic() : "";
		String text = i.direction() == Direction.TO_CUSTOMER
				? names.agent() + " from " + names.group() + " invites you to " + verb(medium) + about
				: names.customer() + " asks for you" + (i.topic() == null ? "" : " about: " + i.topic());
		var outlook = outlooks.of(i);
		String agentState = outlook.agentState() == null ? null : outlook.agentState().token();
		var alternatives = outlook.alternatives().stream()
			.map(a -> new AlternativeAgent(a.id().value(), a.name(), a.group())).toList();
		return new InvitationView(i.id().value(), i.direction().token(), i.state().token(), medium, i.topic(), i.order(),
				i.product() == null ? null : i.product().value(), new CustomerParty(i.customer().value(), names.customer()),
				new AgentParty(i.agent().value(), names.agent(), names.group()), agentState,
				RequestOutlooks.seconds(outlook.estimate()), alternatives, text, i.createdAt(),
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
