package dev.parley.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers of one API operation that no general rule can know: what makes its input invalid
 * beyond a request body or a typed parameter, when it answers 404, the {@code code}s of its 409s, its other
 * refusals (403 for another agent's offer or interaction, 413 for a message over its limit, 422 for what the
 * center cannot serve now, 429), and whether it negotiates its representation. {@link ApiDocumentation} turns
 * them into {@code application/problem+json} responses of the OpenAPI document; 401, the 403 of a role, 413
 * and 415 of a body and the 400 of a body or typed parameter follow from rules there and need nothing here.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ProblemAnswers {

	/** What makes input invalid when neither a body nor a typed parameter says so (400). */
	String invalid() default "";

	/** What a 404 means for this operation; empty when it never answers 404. */
	String notFound() default "";

	/** What the 404's {@code detail} names, e.g. {@code order} for "order not found". */
	String subject() default "resource";

	/** The field the 400 example names; empty: the body's {@code version} (or first field), else a parameter. */
	String exampleField() default "";

	/** The codes of the 409s it can give. */
	Conflict[] conflicts() default {};

	/** Its refusals other than 400, 404 and 409, each with its {@code code}. */
	Refusal[] refusals() default {};

	/** Whether it serves several media types by {@code Accept} (406 when none fits). */
	boolean negotiates() default false;

	/** The {@code code} of a 409 answer, as the domain's conflicts name it. */
	enum Conflict {

		STALE("stale", "the `version` you sent is not the current one: someone changed it since you read it; "
				+ "read it again and retry", "order PO-100003 was changed by someone else; reload and try again"),
		STATE("state", "the order's status forbids the change (it has shipped, been delivered, cancelled or returned)",
				"order PO-100002 has shipped and can no longer be cancelled"),
		USERNAME_TAKEN("username-taken", "another account has this username", "username is already taken"),
		EMAIL_TAKEN("email-taken", "a customer registered with, or gave, this e-mail address already: sign in to that "
				+ "account instead", "an account with this e-mail address exists already: sign in to it with its username "
						+ "instead; if you no longer know its username or password, contact us and an agent will help you back in"),
		ATTRIBUTE_EXISTS("attribute-exists", "an attribute with this key exists already",
				"an attribute with this key exists already"),
		NOT_PENDING("not-pending", "the subscription is not waiting for approval (it was approved already)",
				"the subscription is not waiting for approval"),
		OFFER_CLOSED("offer-closed", "the offer is no longer open: it was accepted, rejected or withdrawn, or it "
				+ "expired", "This offer was accepted already"),
		INTERACTION_OVER("closed", "the interaction is over (closed, or abandoned by the customer)",
				"This interaction is over"),
		CONVERSATION_OVER("closed", "the conversation is over: a customer writes until the interaction ends, "
				+ "an agent while it is connected", "This conversation is over; no more messages can be sent"),
		INTERACTION_STATE("state", "the interaction is not in a state that allows this, or it moved on meanwhile "
				+ "(the customer left, the wrap-up time ran out); read it again", "Only a connected interaction can be ended"),
		TOO_MANY_OPEN("too-many-open", "the customer has 3 contacts open already (not closed or abandoned)",
				"You have 3 contacts open already; leave one before starting another"),
		DEFAULT_QUEUE("default-queue", "one queue is always the default: the default queue cannot be deleted or "
				+ "stop being the default; make another queue the default instead",
				"The default queue cannot be deleted; make another the default first"),
		QUEUE_IN_USE("in-use", "the queue still has contacts that are not over",
				"The queue still has contacts; delete it when they are over"),

		// invitations
		DUPLICATE("duplicate", "an invitation between this customer and this agent is open already (one at a time)",
				"An invitation between this customer and this agent is open already"),
		EXPIRED("expired", "the invitation ran out before it was answered", "This invitation has expired"),
		ANSWERED("answered", "the invitation was accepted, declined or withdrawn already (a second answer changes nothing)",
				"This invitation was accepted already");

		private final String code;
		private final String meaning;
		private final String exampleDetail;

		Conflict(String code, String meaning, String exampleDetail) {
			this.code = code;
			this.meaning = meaning;
			this.exampleDetail = exampleDetail;
		}

		String code() {
			return code;
		}

		String meaning() {
			return meaning;
		}

		String exampleDetail() {
			return exampleDetail;
		}
	}

	/**
	 * A refusal of a request that is well formed, with its status and {@code code}, as the domain's
	 * {@code RefusedException}s name them.
	 */
	enum Refusal {

		OFFER_NOT_YOURS(403, "not-yours", "the offer was made to another agent",
				"This offer was made to another agent"),
		INTERACTION_NOT_YOURS(403, "not-yours", "the interaction is another agent's (or no longer the caller's, "
				+ "after a transfer)", "This interaction is not yours"),
		MESSAGE_TOO_LARGE(413, "too-large", "`body` is longer than 4000 characters; nothing was stored",
				"A message holds at most 4000 characters"),
		MEDIUM_NOT_SERVED(422, "medium-not-served", "the queue does not take contacts of this medium",
				"The queue Technical support does not take video contacts"),
		QUEUE_CLOSED(422, "queue-closed", "the queue is closed now (its agent group's opening hours and "
				+ "closures); `detail` says when it opens next", "The queue Technical support is closed now; "
						+ "it opens at 2026-12-07T09:00+01:00[Europe/Berlin]"),
		NO_QUEUE(422, "no-queue", "no queue was named, none fits the product or the interests, and there is no "
				+ "default queue", "No queue takes contacts now"),
		AGENT_UNAVAILABLE(422, "agent-unavailable", "the named agent is not taking contacts now (not ready or "
				+ "logged out)", "That agent is not taking contacts now"),
		RATE_LIMITED(429, "rate-limited", "the caller sends messages too fast: 10 at once, then 3 a second to "
				+ "each interaction; `Retry-After` says how many seconds to wait. Nothing was stored",
				"You send messages too fast; wait a moment"),

		// invitations
		NO_CONSENT(422, "no-consent", "the customer has not consented to proactive contact (interests section)",
				"This customer has not consented to proactive contact"),
		OFFLINE(422, "offline", "the customer is not online in the portal",
				"This customer is not online in the portal now"),
		MEDIUM_UNAVAILABLE_CUSTOMER(422, "medium-unavailable", "the customer cannot use the medium now, or the agent does not handle it",
				"The customer cannot use video now"),
		GROUP_CLOSED(422, "closed", "the agent's group is closed now",
				"Your group is closed now; invitations go out in opening hours only"),
		BUSY_SLOT(422, "busy-slot", "the customer's agenda says they are busy; `nextFreeSlot` and `timeZone` say when they "
							+ "are free next, in their own time zone",
				"The customer's agenda says they are busy now; their next free slot is Mon 2 Mar 2026 "
							+ "11:00 (Europe/London)"),
		INVITATIONS_RATE_LIMITED(429, "rate-limited", "the agent sent as many invitations as allowed within the rate window",
				"You sent 10 invitations within 10 minutes; try again in 42 s"),
		INVITATION_NOT_YOURS(403, "not-yours", "the invitation is another agent's, or one the caller sent (the customer answers it)",
				"This invitation is another agent's"),
		AGENT_NO_ROOM(422, "agent-unavailable", "the agent is signed out or has no room for another contact of this medium",
				"The agent is not signed in or has no room for another chat contact now"),
		MEDIUM_UNAVAILABLE_ASKER(422, "medium-unavailable", "you cannot use the medium now, or the agent does not handle it",
				"This agent does not handle video"),
		REQUEST_NOT_YOURS(403, "not-yours", "it is your own request to an agent: the agent answers it",
				"You sent this invitation; the other side answers it"),
		INVITATION_TO_YOU(403, "not-yours", "it is an agent's invitation to you: decline it instead",
				"An agent sent this invitation; decline it instead of withdrawing it"),
		REQUESTS_RATE_LIMITED(429, "rate-limited", "you asked for agents as often as allowed within the rate window; "
				+ "`Retry-After` says when you may ask again", "You sent 10 requests within 10 minutes; try again in 42 s"),
		NO_GROUP_QUEUE(422, "no-queue", "no queue of the agent's group takes the request's medium",
				"No queue of this agent's group takes video contacts"),

		// alerts
		UNKNOWN_SUBJECT(422, "unknown-subject", "a rule names something that does not exist for you (a queue, product "
				+ "or agent that does not exist, an order that is not yours, a customer who does not let agents see "
				+ "them); `field` names it (`rules[0].queue`). No rule was changed", "There is no queue nope");

		private final int status;
		private final String code;
		private final String meaning;
		private final String exampleDetail;

		Refusal(int status, String code, String meaning, String exampleDetail) {
			this.status = status;
			this.code = code;
			this.meaning = meaning;
			this.exampleDetail = exampleDetail;
		}

		int status() {
			return status;
		}

		String code() {
			return code;
		}

		String meaning() {
			return meaning;
		}

		String exampleDetail() {
			return exampleDetail;
		}
	}
}
