package dev.parley.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.common.CustomerId;
import dev.parley.customer.Demographics;
import dev.parley.common.Medium;

/** The customers table (demographics and the four section versions) and the attribute values. */
@Repository
public class CustomerStore {

	/** The version columns of the sections, the only names {@link #bump} accepts. */
	private static final Set<String> VERSIONS = Set.of("demographics_version", "capabilities_version",
			"agenda_version", "interests_version");

	private final JdbcClient jdbc;

	CustomerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The few columns other sections keep on the customer's row. */
	public record Row(Demographics demographics, Medium preferredMedium, long capabilitiesVersion, long agendaVersion,
			boolean contactConsent, Instant consentGivenAt, long interestsVersion) {
	}

	public boolean exists(CustomerId id) {
		return jdbc.sql("SELECT COUNT(*) FROM customers WHERE id = ?").param(id.value()).query(Long.class).single() > 0;
	}

	/** Inserts a new profile with every section at version 0. */
	public void insert(CustomerId id, Demographics d, Instant now) {
		jdbc.sql("""
				INSERT INTO customers (id, display_name, preferred_language, locale_tag, time_zone, country, birth_year,
				  demographics_version, capabilities_version, agenda_version, contact_consent, interests_version, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, FALSE, 0, ?)""")
			.params(id.value(), d.name(), d.preferredLanguage(), d.locale(), d.timeZone(), d.country(), d.birthYear(),
					Timestamp.from(now))
			.update();
		replaceAttributes(id, d.attributes());
	}

	/**
	 * Marks the address the customer registered with (unique, case-blind), or marks the record as a widget visitor's;
	 * false when another registration holds the address already (the unique index decides, on any node).
	 */
	public boolean markRegistration(CustomerId id, String email, boolean visitor) {
		try {
			jdbc.sql("UPDATE customers SET registered_email = ?, visitor = ? WHERE id = ?")
				.params(visitor ? null : email.strip().toLowerCase(java.util.Locale.ROOT), visitor, id.value()).update();
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			return false;
		}
	}

	/** Whether a customer who is not a widget visitor registered with, or gave, this e-mail address. */
	public boolean emailTaken(String email) {
		String key = email.strip().toLowerCase(java.util.Locale.ROOT);
		return jdbc.sql("""
				SELECT COUNT(*) FROM customers p WHERE p.registered_email = ? OR (p.visitor = FALSE AND EXISTS (
				  SELECT 1 FROM customer_capabilities c WHERE c.customer_id = p.id AND c.kind = 'EMAIL' AND LOWER(c.address) = ?))""")
			.params(key, key).query(Long.class).single() > 0;
	}

	public Optional<Row> find(CustomerId id) {
		return jdbc.sql("SELECT * FROM customers WHERE id = ?").param(id.value())
			.query((rs, n) -> row(rs, attributes(id))).optional();
	}

	/** The agenda section's version (0 without a saved profile). */
	public long agendaVersion(CustomerId id) {
		return jdbc.sql("SELECT agenda_version FROM customers WHERE id = ?").param(id.value()).query(Long.class)
			.optional().orElse(0L);
	}

	public Optional<String> timeZone(CustomerId id) {
		return jdbc.sql("SELECT time_zone FROM customers WHERE id = ?").param(id.value()).query(String.class).optional();
	}

	/** Adds one to a section's version if it still is {@code expected}; false when it was changed meanwhile. */
	public boolean bump(CustomerId id, String versionColumn, long expected) {
		if (!VERSIONS.contains(versionColumn)) {
			throw new IllegalArgumentException(versionColumn);
		}
		return jdbc.sql("UPDATE customers SET " + versionColumn + " = " + versionColumn + " + 1 WHERE id = ? AND "
				+ versionColumn + " = ?").params(id.value(), expected).update() == 1;
	}

	public void updateDemographics(CustomerId id, Demographics d) {
		jdbc.sql("""
				UPDATE customers SET display_name = ?, preferred_language = ?, locale_tag = ?, time_zone = ?, country = ?,
				  birth_year = ? WHERE id = ?""")
			.params(d.name(), d.preferredLanguage(), d.locale(), d.timeZone(), d.country(), d.birthYear(), id.value())
			.update();
		replaceAttributes(id, d.attributes());
	}

	public void updatePreferredMedium(CustomerId id, Medium medium) {
		jdbc.sql("UPDATE customers SET preferred_medium = ? WHERE id = ?")
			.params(medium == null ? null : medium.name(), id.value()).update();
	}

	public void updateConsent(CustomerId id, boolean consent, Instant givenAt) {
		jdbc.sql("UPDATE customers SET contact_consent = ?, consent_given_at = ? WHERE id = ?")
			.params(consent, givenAt == null ? null : Timestamp.from(givenAt), id.value()).update();
	}

	private void replaceAttributes(CustomerId id, Map<String, String> attributes) {
		jdbc.sql("DELETE FROM customer_attribute_values WHERE customer_id = ?").param(id.value()).update();
		attributes.forEach((key, value) -> jdbc
			.sql("INSERT INTO customer_attribute_values (customer_id, attr_key, attr_value) VALUES (?, ?, ?)")
			.params(id.value(), key, value).update());
	}

	private Map<String, String> attributes(CustomerId id) {
		Map<String, String> map = new LinkedHashMap<>();
		jdbc.sql("SELECT attr_key, attr_value FROM customer_attribute_values WHERE customer_id = ? ORDER BY attr_key")
			.param(id.value()).query(rs -> {
				map.put(rs.getString(1), rs.getString(2));
			});
		return map;
	}

	private static Row row(ResultSet rs, Map<String, String> attributes) throws SQLException {
		Integer birthYear = rs.getObject("birth_year") == null ? null : rs.getInt("birth_year");
		var demographics = new Demographics(rs.getString("display_name"), rs.getString("preferred_language"),
				rs.getString("locale_tag"), rs.getString("time_zone"), rs.getString("country"), birthYear, attributes,
				rs.getLong("demographics_version"));
		String medium = rs.getString("preferred_medium");
		Timestamp consentAt = rs.getTimestamp("consent_given_at");
		return new Row(demographics, medium == null ? null : Medium.valueOf(medium), rs.getLong("capabilities_version"),
				rs.getLong("agenda_version"), rs.getBoolean("contact_consent"),
				consentAt == null ? null : consentAt.toInstant(), rs.getLong("interests_version"));
	}
}
