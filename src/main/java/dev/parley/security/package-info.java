/**
 * Edge module: how browsers and API clients sign in. Form login with an HttpOnly, SameSite session
 * cookie and CSRF tokens for pages; stateless bearer tokens for /api/v1. Both resolve to a
 * {@link dev.parley.security.ParleyUser} over the identity module's accounts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "common" })
package dev.parley.security;
