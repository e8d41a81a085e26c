/**
 * Agents: agents (an agent's id is their account's id) with skills and media, and agent groups with
 * their time zone, media offered, weekly opening hours and dated closures.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "catalog", "common" })
package dev.parley.agent;
