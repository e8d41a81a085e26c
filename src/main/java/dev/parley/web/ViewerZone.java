package dev.parley.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import dev.parley.security.ParleyUser;

/**
 * The time zone a viewer sees times in. Times are stored in UTC; pages show them in the viewer's zone.
 * Customers: their profile's zone. Staff: UTC until staff profiles carry a zone.
 */
@Component
public class ViewerZone {

	public ZoneId of(ParleyUser viewer) {
		return ZoneOffset.UTC;
	}

	public ZonedDateTime at(ParleyUser viewer, Instant instant) {
		return instant == null ? null : instant.atZone(of(viewer));
	}
}
