package dev.parley.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity module ({@code parley.identity.*}). {@code digestRealm} is the realm digest HA1
 * values are kept for (docs/decisions/0004-sip-digest-credentials.md); {@code digestCacheTtl} is how long the
 * usable HA1 values of a username are kept in memory (default 10 s; zero or less: read on every request);
 * {@code throttle} limits failed sign-ins ({@link SignInThrottle}); {@code tokenCacheTtl} is how long a known API
 * token's account is kept in memory (default 10 s; zero or less: read on every request).
 */
@ConfigurationProperties("parley.identity")
public record IdentitySettings(String digestRealm, Duration digestCacheTtl, Throttle throttle, Duration tokenCacheTtl) {

	public IdentitySettings {
		digestRealm = digestRealm == null || digestRealm.isBlank() ? "parley.local" : digestRealm;
		digestCacheTtl = digestCacheTtl == null ? Duration.ofSeconds(10) : digestCacheTtl;
		throttle = throttle == null ? Throttle.defaults() : throttle;
		tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(10) : tokenCacheTtl;
	}

	public static IdentitySettings defaults() {
		return new IdentitySettings(null, null, null, null);
	}

	/**
	 * How many failed sign-ins are free before each further one locks for a while: {@code perAccountAndSource}
	 * (one account from one address), {@code perAccount} within {@code accountWindow} (one account from anywhere:
	 * a spread-out attack), {@code perSource} (one address, any accounts). Counts of one account from one address
	 * and of one address are forgotten {@code window} after their first failure, or when the account signs in.
	 * The first lock lasts {@code firstDelay}, each next one twice the last, never more than {@code longestDelay}.
	 * {@code checkTtl}: how long a node keeps what it read of a lock (another node's new lock is seen within it).
	 */
	public record Throttle(Integer perAccountAndSource, Integer perAccount, Integer perSource, Duration accountWindow,
			Duration window, Duration firstDelay, Duration longestDelay, Duration checkTtl) {

		public Throttle {
			perAccountAndSource = perAccountAndSource == null ? 5 : perAccountAndSource;
			perAccount = perAccount == null ? 20 : perAccount;
			perSource = perSource == null ? 50 : perSource;
			accountWindow = accountWindow == null ? Duration.ofMinutes(15) : accountWindow;
			window = window == null ? Duration.ofDays(1) : window;
			firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
			longestDelay = longestDelay == null ? Duration.ofMinutes(15) : longestDelay;
			checkTtl = checkTtl == null ? Duration.ofSeconds(5) : checkTtl;
		}

		static Throttle defaults() {
			return new Throttle(null, null, null, null, null, null, null, null);
		}
	}
}
