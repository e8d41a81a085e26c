/**
 * Presence: the RFC 2778 presence service for customers, agents, queues, groups and the center.
 * Presentities publish {@link dev.parley.presence.PresenceTuple}s; watchers fetch or subscribe;
 * access rules (RFC 5025 sub-handling) and per-watcher visibility decide what each watcher receives;
 * a {@link dev.parley.presence.Notifier} port carries every change to the protocol adapters
 * (SIP SIMPLE, push). No wire format lives here: PIDF is the codec in {@code dev.parley.pidf}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "identity", "customer", "history",
		"agent" })
package dev.parley.presence;
