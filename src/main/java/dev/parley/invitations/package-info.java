/**
 * Invitations: an agent invites an online customer to a contact ("Ana from Support invites you to chat about order
 * PO-100042"), or a customer asks for a named agent. The rules (consent to proactive contact, media both sides can
 * use, the customer's agenda, opening hours, one open invitation per customer and agent, a rate limit per agent)
 * are checked before anything is stored; a refusal names its rule and sends nothing. Each invitation's answer
 * (accepted, declined, expired, or withdrawn by the customer who asked) is decided once by a conditional write in the
 * database; accepting creates an interaction already connected to the agent through routing, and a customer who stops
 * waiting goes to a queue of the agent's group in the same transaction ({@link dev.parley.invitations.Requests}). A
 * request's outlook ({@link dev.parley.invitations.RequestOutlooks}) says when a busy agent is likely free
 * ({@link dev.parley.invitations.FreeEstimate}) and who else can help. Steps are announced as
 * {@link dev.parley.invitations.InvitationEvent}s. Reports read how invitations ended through
 * {@link dev.parley.invitations.InvitationOutcomes}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "routing", "customer", "agent",
		"presence", "identity", "catalog" })
package dev.parley.invitations;
