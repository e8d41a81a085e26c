package dev.parley.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity module ({@code parley.identity.*}). {@code digestRealm} is the realm digest HA1
 * values are kept for (docs/decisions/0004-sip-digest-credentials.md); {@code digestCacheTtl} is how long the
 * usable HA1 values of a username are kept in memory (default 10 s; zero or less: read on every request).
 */
@ConfigurationProperties("parley.identity")
public record IdentitySettings(String digestRealm, Duration digestCacheTtl) {

	public IdentitySettings {
		digestRealm = digestRealm == null || digestRealm.isBlank() ? "parley.local" : digestRealm;
		digestCacheTtl = digestCacheTtl == null ? Duration.ofSeconds(10) : digestCacheTtl;
	}

	public static IdentitySettings defaults() {
		return new IdentitySettings(null, null);
	}
}
