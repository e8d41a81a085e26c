/**
 * Status alerts: rules an account holds ("tell me when an agent for the sales queue is ready", "when order
 * PO-100042 moves", "when a queue's longest wait passes its threshold") and the inbox of alerts they raised. Alerts
 * follow from other modules' events, never from polling: each event asks an in-memory index of the rules by their
 * subject (a queue, an agent, a customer, an order's owner), so it touches only the rules that match it. An alert is
 * stored in the owner's inbox (waiting there while they are away) and announced as {@link dev.parley.alerts.AlertRaised}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "routing", "agent", "orders",
		"presence", "invitations", "status", "catalog", "customer", "identity" })
package dev.parley.alerts;
