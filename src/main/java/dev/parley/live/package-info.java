/**
 * Live push to pages: Server-Sent Events, one stream per tab on its own upgraded connection ({@code UpgradedChannel};
 * {@code ServletChannel} where a request cannot be upgraded), behind a small connection abstraction with an explicit
 * lifecycle (open, keep-alive, closed). It implements the presence
 * {@link dev.parley.presence.Notifier} port and pushes HTML fragments the page swaps in. A customer's
 * connection is also the "portal open" signal of their presence; the page reports idle here. The broker's
 * steps, agents' states and chat messages reach the accounts they concern as JSON events ({@code BrokerPush}); the
 * center's figures reach every page that shows them, coalesced, as one JSON event rendered once ({@code StatusPush}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "presence", "security", "identity",
		"customer", "common", "routing", "chat", "agent", "status", "invitations", "alerts" })
package dev.parley.live;
