package dev.parley.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.AttributeType;

/** The custom attribute definitions and their options. */
@Repository
public class AttributeStore {

	private final JdbcClient jdbc;

	AttributeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AttributeDefinition> all() {
		return jdbc.sql("SELECT * FROM attribute_definitions ORDER BY created_at, attr_key")
			.query((rs, n) -> new AttributeDefinition(rs.getString("attr_key"), rs.getString("label"),
					AttributeType.valueOf(rs.getString("attr_type")), rs.getBoolean("is_required"),
					rs.getObject("max_length") == null ? null : rs.getInt("max_length"), List.of()))
			.list().stream().map(d -> withOptions(d)).toList();
	}

	public Optional<AttributeDefinition> find(String key) {
		return all().stream().filter(d -> d.key().equals(key)).findFirst();
	}

	public void insert(AttributeDefinition d, Instant now) {
		jdbc.sql("""
				INSERT INTO attribute_definitions (attr_key, label, attr_type, is_required, max_length, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(d.key(), d.label(), d.type().name(), d.required(), d.maxLength(), Timestamp.from(now)).update();
		insertOptions(d);
	}

	public void update(AttributeDefinition d) {
		jdbc.sql("UPDATE attribute_definitions SET label = ?, attr_type = ?, is_required = ?, max_length = ? WHERE attr_key = ?")
			.params(d.label(), d.type().name(), d.required(), d.maxLength(), d.key()).update();
		jdbc.sql("DELETE FROM attribute_options WHERE attr_key = ?").param(d.key()).update();
		insertOptions(d);
	}

	public boolean delete(String key) {
		jdbc.sql("DELETE FROM customer_attribute_values WHERE attr_key = ?").param(key).update();
		jdbc.sql("DELETE FROM attribute_options WHERE attr_key = ?").param(key).update();
		return jdbc.sql("DELETE FROM attribute_definitions WHERE attr_key = ?").param(key).update() == 1;
	}

	private void insertOptions(AttributeDefinition d) {
		for (int i = 0; i < d.options().size(); i++) {
			jdbc.sql("INSERT INTO attribute_options (attr_key, position, label) VALUES (?, ?, ?)")
				.params(d.key(), i, d.options().get(i)).update();
		}
	}

	private AttributeDefinition withOptions(AttributeDefinition d) {
		var options = jdbc.sql("SELECT label FROM attribute_options WHERE attr_key = ? ORDER BY position").param(d.key())
			.query(String.class).list();
		return new AttributeDefinition(d.key(), d.label(), d.type(), d.required(), d.maxLength(), options);
	}
}
