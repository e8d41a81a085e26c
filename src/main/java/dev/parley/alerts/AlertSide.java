package dev.parley.alerts;

import java.util.Locale;

/** Whose rules: a customer's (portal), an agent's (workstation) or a supervisor's (wallboard). */
public enum AlertSide {
	CUSTOMER, AGENT, SUPERVISOR;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}
}
