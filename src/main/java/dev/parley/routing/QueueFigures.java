package dev.parley.routing;

import java.time.Instant;

import dev.parley.common.Medium;

/**
 * A queue's figures for one medium, as routing sees them now: contacts waiting and since when the head of the
 * line has waited; the agents who serve the queue and handle the medium, by what they do: signed in, taking work
 * (ready, busy or in wrap-up), free for one more contact of the medium, busy, in wrap-up, not ready.
 */
public record QueueFigures(String queue, Medium medium, int waiting, Instant headEnqueuedAt, int agentsLoggedIn,
		int agentsServing, int agentsFree, int agentsBusy, int agentsWrapUp, int agentsNotReady) {
}
