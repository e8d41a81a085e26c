package dev.parley.presence;

import java.time.Instant;

/**
 * Domain event: a presentity's presence changed. Small on purpose (it may be stored by the event
 * publication registry); listeners that need the tuples ask {@link Presence} with their own rights.
 */
public record PresenceChanged(PresentityId presentity, long version, boolean open, Instant at) {
}
