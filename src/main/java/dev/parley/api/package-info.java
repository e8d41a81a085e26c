/**
 * Edge module: the versioned JSON API under /api/v1. Controllers translate JSON to calls on the core
 * modules and map results and domain errors back (RFC 9457 problem details naming each invalid field).
 */
@org.springframework.modulith.ApplicationModule
package dev.parley.api;
