package dev.parley.invitations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of invitations ({@code parley.invitations.*}): how long an agent's invitation and a customer's request
 * stay open, how many invitations one agent may send within {@code rateWindow}, how often expired ones are swept,
 * and how far ahead the next free slot of a busy customer is looked for.
 */
@ConfigurationProperties("parley.invitations")
public record InvitationSettings(Duration lifetime, Duration requestLifetime, Integer rateLimit, Duration rateWindow,
		Duration sweep, Duration slotHorizon) {

	public InvitationSettings {
		lifetime = lifetime == null ? Duration.ofMinutes(2) : lifetime;
		requestLifetime = requestLifetime == null ? Duration.ofMinutes(15) : requestLifetime;
		rateLimit = rateLimit == null ? 10 : rateLimit;
		rateWindow = rateWindow == null ? Duration.ofMinutes(10) : rateWindow;
		sweep = sweep == null ? Duration.ofSeconds(2) : sweep;
		slotHorizon = slotHorizon == null ? Duration.ofDays(14) : slotHorizon;
	}

	public static InvitationSettings defaults() {
		return new InvitationSettings(null, null, null, null, null, null);
	}
}
