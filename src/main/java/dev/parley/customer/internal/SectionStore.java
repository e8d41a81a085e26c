package dev.parley.customer.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.customer.AvailabilityWindow;
import dev.parley.customer.Capability;
import dev.parley.common.CustomerId;
import dev.parley.customer.DatedException;
import dev.parley.customer.ExceptionKind;
import dev.parley.customer.Interest;
import dev.parley.customer.InterestLevel;
import dev.parley.common.AddressKind;

/** The list parts of a profile: capabilities, agenda windows and exceptions, interests; each kept in order. */
@Repository
public class SectionStore {

	private final JdbcClient jdbc;

	SectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Capability> capabilities(CustomerId id) {
		return jdbc.sql("SELECT kind, address, enabled FROM customer_capabilities WHERE customer_id = ? ORDER BY position")
			.param(id.value())
			.query((rs, n) -> new Capability(AddressKind.valueOf(rs.getString(1)), rs.getString(2), rs.getBoolean(3)))
			.list();
	}

	/** The customer (the oldest, if several) who gave this e-mail address as a way to reach them, any case. */
	public java.util.Optional<CustomerId> byEmail(String email) {
		return jdbc.sql("""
				SELECT c.customer_id FROM customer_capabilities c JOIN customers p ON p.id = c.customer_id
				WHERE c.kind = 'EMAIL' AND LOWER(c.address) = LOWER(?) ORDER BY p.created_at, c.customer_id""")
			.param(email.strip()).query((rs, n) -> new CustomerId(rs.getObject(1, java.util.UUID.class))).list().stream()
			.findFirst();
	}

	public void replaceCapabilities(CustomerId id, List<Capability> list) {
		jdbc.sql("DELETE FROM customer_capabilities WHERE customer_id = ?").param(id.value()).update();
		for (int i = 0; i < list.size(); i++) {
			var c = list.get(i);
			jdbc.sql("INSERT INTO customer_capabilities (customer_id, position, kind, address, enabled) VALUES (?, ?, ?, ?, ?)")
				.params(id.value(), i, c.kind().name(), c.address(), c.enabled()).update();
		}
	}

	public List<AvailabilityWindow> windows(CustomerId id) {
		return jdbc.sql("SELECT day_of_week, start_time, end_time FROM customer_availability WHERE customer_id = ? ORDER BY position")
			.param(id.value())
			.query((rs, n) -> new AvailabilityWindow(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class)))
			.list();
	}

	public List<DatedException> exceptions(CustomerId id) {
		return jdbc.sql("""
				SELECT on_date, start_time, end_time, entry_kind, note FROM customer_agenda_exceptions
				WHERE customer_id = ? ORDER BY position""")
			.param(id.value())
			.query((rs, n) -> new DatedException(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class), ExceptionKind.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	public void replaceAgenda(CustomerId id, List<AvailabilityWindow> windows, List<DatedException> exceptions) {
		jdbc.sql("DELETE FROM customer_availability WHERE customer_id = ?").param(id.value()).update();
		jdbc.sql("DELETE FROM customer_agenda_exceptions WHERE customer_id = ?").param(id.value()).update();
		for (int i = 0; i < windows.size(); i++) {
			var w = windows.get(i);
			jdbc.sql("INSERT INTO customer_availability (customer_id, position, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?, ?)")
				.params(id.value(), i, w.dayOfWeek().getValue(), w.start(), w.end()).update();
		}
		for (int i = 0; i < exceptions.size(); i++) {
			var e = exceptions.get(i);
			jdbc.sql("""
					INSERT INTO customer_agenda_exceptions (customer_id, position, on_date, start_time, end_time, entry_kind, note)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id.value(), i, e.date(), e.start(), e.end(), e.kind().name(), e.note()).update();
		}
	}

	public List<Interest> interests(CustomerId id) {
		return jdbc.sql("SELECT category_key, topic, interest_level FROM customer_interests WHERE customer_id = ? ORDER BY position")
			.param(id.value())
			.query((rs, n) -> new Interest(rs.getString(1), rs.getString(2), InterestLevel.valueOf(rs.getString(3))))
			.list();
	}

	public void replaceInterests(CustomerId id, List<Interest> list) {
		jdbc.sql("DELETE FROM customer_interests WHERE customer_id = ?").param(id.value()).update();
		for (int i = 0; i < list.size(); i++) {
			var e = list.get(i);
			jdbc.sql("INSERT INTO customer_interests (customer_id, position, category_key, topic, interest_level) VALUES (?, ?, ?, ?, ?)")
				.params(id.value(), i, e.categoryKey(), e.topic(), e.level().name()).update();
		}
	}
}
