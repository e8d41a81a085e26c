/**
 * PIDF: the wire codec of the presence model. Writes and reads {@code application/pidf+xml} (RFC 3863,
 * with RPID RFC 4480, the data model RFC 4479 and service capabilities RFC 5196) and writes
 * {@code application/watcherinfo+xml} (RFC 3858). Parsing is hardened: no DTDs, no entities, bounded size.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "presence", "common" })
package dev.parley.pidf;
