package dev.parley.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.invitations.Direction;
import dev.parley.invitations.Invitation;
import dev.parley.invitations.Invitations;

/** Invitations as the pages show them: the sentence the invited side reads, from the message bundle. */
@Component
public class InvitationTexts {

	/** One line of a list: the invitation, its sentence, its state's word and until when it is open. */
	record Line(String id, Invitation invitation, String text, String state, String until, String customer) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Invitations invitations;
	private final MessageSource messages;

	InvitationTexts(Invitations invitations, MessageSource messages) {
		this.invitations = invitations;
		this.messages = messages;
	}

	/** The agents' invitations waiting for the customer's answer. */
	List<Line> pendingFor(CustomerId customer, ZoneId zone) {
		return invitations.ofCustomer(customer).stream()
			.filter(i -> i.isPending() && i.direction() == Direction.TO_CUSTOMER
					&& i.expiresAt().isAfter(java.time.Instant.now()))
			.map(i -> line(i, zone)).toList();
	}

	/** The agent's recent invitations and the requests for them. */
	List<Line> ofAgent(AgentId agent, ZoneId zone) {
		return invitations.ofAgent(agent).stream().limit(10).map(i -> line(i, zone)).toList();
	}

	Line line(Invitation i, ZoneId zone) {
		var names = invitations.names(i);
		String text;
		if (i.direction() == Direction.TO_CUSTOMER) {
			String about = i.order() != null ? " " + text("invitation.notice.about.order", i.order())
					: i.topic() != null ? " " + text("invitation.notice.about.topic", i.topic()) : "";
			text = text("invitation.notice.text", names.agent(), names.group(),
					text("invitation.medium." + i.medium().name())) + about;
		}
		else {
			text = text("invitation.desk.to-agent", names.customer())
					+ (i.topic() == null ? "" : " " + text("invitation.notice.about.topic", i.topic()));
		}
		return new Line(i.id().toString(), i, text, text("invitation.state." + i.state().token()),
				TIME.format(i.expiresAt().atZone(zone)), names.customer());
	}

	String customerName(Invitation i) {
		return invitations.names(i).customer();
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
