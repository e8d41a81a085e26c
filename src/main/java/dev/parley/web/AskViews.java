package dev.parley.web;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentState;
import dev.parley.common.CustomerId;
import dev.parley.invitations.Direction;
import dev.parley.invitations.Invitation;
import dev.parley.invitations.InvitationState;
import dev.parley.invitations.Invitations;
import dev.parley.invitations.RequestOutlook;
import dev.parley.invitations.RequestOutlooks;

/**
 * A customer's request for a named agent as the portal shows it: what it waits for (the agent's state, when they are
 * likely free), what the customer may do next, who else can help; and every invitation and request as a line of
 * the customer's history.
 */
@Component
class AskViews {

	/** What the page offers, by where the request stands. */
	enum Stage {
		/** Pending, the agent is ready: waiting for their answer. */
		ANSWER,
		/** Pending, the agent is busy, in wrap-up or not ready: wait for them or go to the queue. */
		CHOOSE,
		/** Pending, the agent is signed out: they get it when they sign in; who else can help, the queue. */
		SIGNED_OUT,
		ACCEPTED,
		/** Declined or expired: the queue and who else can help. */
		CLOSED,
		WITHDRAWN
	}

	/** One request as its page shows it. */
	record Status(Invitation request, String agent, String group, Stage stage, String headline, String detail,
			String until, boolean waiting, List<RequestOutlook.Alternative> alternatives) {

		public String id() {
			return request.id().toString();
		}
	}

	/** One invitation or request in the customer's history. */
	record HistoryLine(Invitation invitation, String agent, String group, String direction, String outcome,
			String answeredBy) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Invitations invitations;
	private final RequestOutlooks outlooks;
	private final InvitationTexts texts;

	AskViews(Invitations invitations, RequestOutlooks outlooks, InvitationTexts texts) {
		this.invitations = invitations;
		this.outlooks = outlooks;
		this.texts = texts;
	}

	Status status(CustomerId customer, String id, ZoneId zone, boolean waiting) {
		Invitation i = invitations.get(customer, dev.parley.invitations.InvitationId.parse(id));
		if (i.direction() != Direction.TO_AGENT) {
			throw new dev.parley.common.NotFoundException("request");
		}
		var names = invitations.names(i);
		RequestOutlook outlook = outlooks.of(i);
		String until = TIME.format(i.expiresAt().atZone(zone));
		Stage stage = stage(i, outlook.agentState());
		String agent = names.agent();
		String headline = switch (stage) {
			case ANSWER -> texts.text("ask.status.answer", agent);
			case CHOOSE -> texts.text("ask.status.state." + outlook.agentState().token(), agent);
			case SIGNED_OUT -> texts.text("ask.status.signed-out", agent);
			case ACCEPTED -> texts.text("ask.status.accepted", agent);
			case CLOSED -> texts.text("ask.status." + i.state().token(), agent);
			case WITHDRAWN -> texts.text(i.interaction() != null ? "ask.status.to-queue" : "ask.status.withdrawn");
		};
		String detail = switch (stage) {
			case ANSWER, SIGNED_OUT -> texts.text("ask.status.until", until);
			case CHOOSE -> estimate(outlook, agent) + " " + texts.text(waiting ? "ask.status.waiting" : "ask.status.until",
					until);
			default -> "";
		};
		return new Status(i, agent, names.group(), stage, headline, detail, until, waiting, outlook.alternatives());
	}

	/** The customer's invitations and requests, newest first, with their outcome and who answered. */
	List<HistoryLine> history(CustomerId customer) {
		return invitations.ofCustomer(customer).stream().map(i -> {
			var names = invitations.names(i);
			String outcome = texts.text(i.state() == InvitationState.WITHDRAWN && i.interaction() != null
					? "ask.history.to-queue" : "invitation.state." + i.state().token());
			String by = i.answeredBy() == null ? "" : i.answeredBy().equals(customer.value())
					? texts.text("ask.history.you") : names.agent();
			return new HistoryLine(i, names.agent(), names.group(),
					texts.text("ask.history.direction." + i.direction().token()), outcome, by);
		}).toList();
	}

	/** "likely free in about 4 minutes", "any moment now", or that there is no estimate. */
	String estimate(RequestOutlook outlook, String agent) {
		if (outlook.agentState() == AgentState.NOT_READY) {
			return texts.text("ask.estimate.not-ready", agent);
		}
		Duration d = outlook.estimate();
		if (d == null) {
			return texts.text("ask.estimate.none");
		}
		long minutes = (d.toSeconds() + 59) / 60;
		return minutes < 1 ? texts.text("ask.estimate.now", agent)
				: minutes == 1 ? texts.text("ask.estimate.minute", agent) : texts.text("ask.estimate.minutes", agent, minutes);
	}

	private static Stage stage(Invitation i, AgentState state) {
		return switch (i.state()) {
			case ACCEPTED -> Stage.ACCEPTED;
			case DECLINED, EXPIRED -> Stage.CLOSED;
			case WITHDRAWN -> Stage.WITHDRAWN;
			case PENDING -> state == AgentState.READY ? Stage.ANSWER
					: state == AgentState.LOGGED_OUT ? Stage.SIGNED_OUT : Stage.CHOOSE;
		};
	}
}
