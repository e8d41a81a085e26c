package dev.parley.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.Role;
import dev.parley.security.ParleyUser;

/**
 * The time zone a viewer sees times in. Times are stored in UTC; pages show them in the viewer's zone.
 * Customers: their profile's zone. Staff: UTC until staff profiles carry a zone.
 */
@Component
public class ViewerZone {

	/** Named "UTC" (not the offset "Z") so pages that print the zone print a word people know. */
	static final ZoneId UTC = ZoneId.of("UTC");

	private final CustomerManagement customers;

	ViewerZone(CustomerManagement customers) {
		this.customers = customers;
	}

	public ZoneId of(ParleyUser viewer) {
		return viewer != null && viewer.is(Role.CUSTOMER) ? customers.timeZone(new CustomerId(viewer.id()))
				: UTC;
	}

	/** A zone as people read it: "UTC" rather than "Z", otherwise its IANA name. */
	public static String label(ZoneId zone) {
		return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
	}

	public ZonedDateTime at(ParleyUser viewer, Instant instant) {
		return instant == null ? null : instant.atZone(of(viewer));
	}
}
