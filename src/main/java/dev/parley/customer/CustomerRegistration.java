package dev.parley.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.common.AddressKind;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.customer.internal.CustomerStore;
import dev.parley.customer.internal.SectionStore;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.NewAccount;
import dev.parley.identity.Role;

/**
 * Opens a customer's account and profile; runs inside {@link CustomerManagement#register}'s transaction,
 * so any refusal (invalid field, taken username or e-mail address) leaves nothing behind.
 */
final class CustomerRegistration {

	private final IdentityManagement identity;
	private final CustomerStore customers;
	private final SectionStore sections;
	private final Clock clock;

	CustomerRegistration(IdentityManagement identity, CustomerStore customers, SectionStore sections, Clock clock) {
		this.identity = identity;
		this.customers = customers;
		this.sections = sections;
		this.clock = clock;
	}

	static final String EMAIL_TAKEN = "an account with this e-mail address exists already: sign in to it with its "
			+ "username instead; if you no longer know its username or password, contact us and an agent will help you "
			+ "back in";

	/**
	 * A registration (one account per e-mail address: a taken one is a 409 {@code email-taken}), or a widget
	 * visitor's record ({@code visitor}: the address is nobody's proof, so it holds nothing against a registration).
	 */
	CustomerId register(Registration r, boolean visitor) {
		List<FieldViolation> violations = new ArrayList<>();
		if (r.email() == null || r.email().isBlank()) {
			violations.add(new FieldViolation("email", "required", "must not be blank"));
		}
		else if (!CapabilityRules.isEmail(r.email())) {
			violations.add(new FieldViolation("email", "invalid", "must be an email address like alice@example.com"));
		}
		boolean zoneGiven = r.timeZone() != null && !r.timeZone().isBlank();
		var zone = zoneGiven ? LocaleRules.timeZone(r.timeZone()) : java.util.Optional.of("UTC");
		if (zone.isEmpty()) {
			violations.add(new FieldViolation("timeZone", "unknown", "must be a known IANA time zone, e.g. Europe/Berlin"));
		}
		var id = new CustomerId(java.util.UUID.randomUUID());
		try {
			identity.open(new AccountId(id.value()),
					new NewAccount(r.username(), r.password(), r.displayName(), Role.CUSTOMER));
		}
		catch (InvalidInputException e) {
			violations.addAll(0, e.violations());
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (!visitor && customers.emailTaken(r.email())) {
			throw new ConflictException("email-taken", EMAIL_TAKEN);
		}
		var demographics = new Demographics(r.displayName().trim(), "en", "en", zone.get(), null, null, Map.of(), 0L);
		customers.insert(id, demographics, Instant.now(clock));
		sections.replaceCapabilities(id, List.of(new Capability(AddressKind.EMAIL, r.email().trim(), true)));
		customers.updatePreferredMedium(id, Medium.EMAIL);
		if (!customers.markRegistration(id, r.email(), visitor)) {
			throw new ConflictException("email-taken", EMAIL_TAKEN);
		}
		return id;
	}
}
