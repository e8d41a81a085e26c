package dev.parley.routing;

import dev.parley.common.AgentId;

/** Where an agent sends an interaction: a queue, or a named agent; with a note the next agent sees. */
public record Transfer(String queue, AgentId agent, String note) {
}
