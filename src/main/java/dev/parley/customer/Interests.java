package dev.parley.customer;

import java.time.Instant;
import java.util.List;

/**
 * Section 4: what the customer is interested in, and whether they consent to be contacted proactively
 * ({@code consentGivenAt} is set by the center when consent is given, and ignored on input).
 */
public record Interests(List<Interest> interests, boolean contactConsent, Instant consentGivenAt, Long version) {

	public Interests {
		interests = interests == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(interests));
	}
}
