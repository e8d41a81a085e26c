package dev.parley.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.catalog.Catalog;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.customer.internal.CustomerStore;
import dev.parley.customer.internal.SectionStore;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;

/**
 * A customer's profile: read it whole, change one section at a time. Each change names the version it
 * edited; a stale version is refused (409) and nothing is written.
 */
@Service
public class CustomerManagement {

	private final CustomerStore customers;
	private final SectionStore sections;
	private final AttributeManagement attributes;
	private final IdentityManagement identity;
	private final Catalog catalog;
	private final AuditLog audit;
	private final CustomerRegistration registration;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	CustomerManagement(CustomerStore customers, SectionStore sections, AttributeManagement attributes,
			IdentityManagement identity, Catalog catalog, AuditLog audit, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.events = events;
		this.customers = customers;
		this.sections = sections;
		this.attributes = attributes;
		this.identity = identity;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
		this.registration = new CustomerRegistration(identity, customers, sections, this.clock);
	}

	/**
	 * Opens the identity account (role CUSTOMER) and the profile together, or neither. One account per e-mail
	 * address: one that a customer registered with or gave already is refused (409 {@code email-taken}).
	 */
	@Transactional
	public CustomerProfile register(Registration request) {
		return profile(registration.register(request, false));
	}

	/**
	 * Opens an account and profile for someone who gave an e-mail address nobody verified (the chat widget's
	 * visitor): it does not hold the address against a later registration, and is never refused for it.
	 */
	@Transactional
	public CustomerProfile openVisitorRecord(Registration request) {
		return profile(registration.register(request, true));
	}

	/** Whether the text is an e-mail address as Parley accepts one in a profile. */
	public static boolean isEmailAddress(String text) {
		return text != null && CapabilityRules.isEmail(text);
	}

	/** The customer who gave this e-mail address as a way to reach them (the oldest such, if several). */
	@Transactional(readOnly = true)
	public java.util.Optional<CustomerId> findByEmail(String email) {
		return email == null || email.isBlank() ? java.util.Optional.empty() : sections.byEmail(email);
	}

	/** The whole profile; a customer account without a saved profile yet gets the defaults (all versions 0). */
	@Transactional(readOnly = true)
	public CustomerProfile profile(CustomerId id) {
		var row = customers.find(id).orElseGet(() -> defaults(id));
		return new CustomerProfile(id, row.demographics(),
				new Capabilities(sections.capabilities(id), row.preferredMedium(), row.capabilitiesVersion()),
				new Agenda(sections.windows(id), sections.exceptions(id), row.agendaVersion()),
				new Interests(sections.interests(id), row.contactConsent(), row.consentGivenAt(), row.interestsVersion()));
	}

	/**
	 * The agenda section alone, as {@link #profile} has it (empty for anyone without a profile): what presence reads
	 * whenever a customer's page connects, three reads where the whole profile takes six.
	 */
	@Transactional(readOnly = true)
	public Agenda agenda(CustomerId id) {
		return new Agenda(sections.windows(id), sections.exceptions(id), customers.agendaVersion(id));
	}

	/** The zone the customer reads and writes times in; UTC for anyone without a profile. */
	public ZoneId timeZone(CustomerId id) {
		return customers.timeZone(id).map(ZoneId::of).orElse(ZoneOffset.UTC);
	}

	public List<AttributeDefinition> attributeDefinitions() {
		return attributes.list();
	}

	@Transactional
	public Demographics updateDemographics(CustomerId id, Demographics input) {
		int year = Instant.now(clock).atZone(ZoneOffset.UTC).getYear();
		var valid = DemographicsRules.validate(input, attributes.list(), year);
		lock(id, "demographics_version", valid.version());
		customers.updateDemographics(id, valid);
		identity.rename(new AccountId(id.value()), valid.name());
		record(id, "update-demographics");
		return profile(id).demographics();
	}

	@Transactional
	public Capabilities updateCapabilities(CustomerId id, Capabilities input) {
		var valid = CapabilityRules.validate(input);
		lock(id, "capabilities_version", valid.version());
		sections.replaceCapabilities(id, valid.capabilities());
		customers.updatePreferredMedium(id, valid.preferredMedium());
		record(id, "update-capabilities");
		return profile(id).capabilities();
	}

	@Transactional
	public Agenda updateAgenda(CustomerId id, Agenda input) {
		var valid = AgendaRules.validate(input, LocalDate.now(clock));
		lock(id, "agenda_version", valid.version());
		sections.replaceAgenda(id, valid.windows(), valid.exceptions());
		record(id, "update-agenda");
		events.publishEvent(new AgendaChanged(id));
		return profile(id).agenda();
	}

	@Transactional
	public Interests updateInterests(CustomerId id, Interests input) {
		var valid = InterestRules.validate(input, catalog::categoryExists);
		lock(id, "interests_version", input.version());
		var current = customers.find(id).orElseThrow();
		Instant givenAt = !input.contactConsent() ? null
				: current.contactConsent() ? current.consentGivenAt() : Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
		sections.replaceInterests(id, valid);
		customers.updateConsent(id, input.contactConsent(), givenAt);
		record(id, "update-interests");
		return profile(id).interests();
	}

	/** Creates the row of a customer who has none yet, then claims the section's version or refuses. */
	private void lock(CustomerId id, String versionColumn, long expected) {
		if (!customers.exists(id)) {
			var d = defaults(id).demographics();
			customers.insert(id, new Demographics(d.name(), d.preferredLanguage(), d.locale(), d.timeZone(), null, null,
					Map.of(), 0L), Instant.now(clock));
		}
		if (!customers.bump(id, versionColumn, expected)) {
			throw ConflictException.stale("This section of your profile");
		}
	}

	private CustomerStore.Row defaults(CustomerId id) {
		Account account = identity.find(new AccountId(id.value())).filter(a -> a.role() == Role.CUSTOMER)
			.orElseThrow(() -> new NotFoundException("customer"));
		var d = new Demographics(account.displayName(), "en", "en", "UTC", null, null, Map.of(), 0L);
		return new CustomerStore.Row(d, null, 0, 0, false, null, 0);
	}

	private void record(CustomerId id, String action) {
		var actor = new AccountId(id.value());
		audit.record(AuditChange.of(actor, id.value(), "customer-profile", id.toString(), action));
	}
}
