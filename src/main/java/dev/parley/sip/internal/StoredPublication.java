package dev.parley.sip.internal;

import java.time.Instant;

/** A PUBLISH publication as kept in {@code sip_publications}: entity tag, presentity, its PIDF, expiry. */
public record StoredPublication(String etag, String presentity, String pidf, Instant expiresAt) {
}
