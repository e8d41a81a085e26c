package dev.parley.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.common.PageResult;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditEntry;

/** The audit_entries table: append-only. */
@Repository
public class AuditStore {

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AuditEntry e) {
		jdbc.sql("""
				INSERT INTO audit_entries (id, occurred_at, actor_id, actor_name, subject_id, entity_type, entity_id,
				action, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.id(), Timestamp.from(e.occurredAt()), e.actorId() == null ? null : e.actorId().value(),
					e.actorName(), e.subjectId(), e.entityType(), e.entityId(), e.action(), e.field(), e.oldValue(),
					e.newValue())
			.update();
	}

	public PageResult<AuditEntry> find(UUID subjectId, String entityType, int page, int size) {
		var where = new StringBuilder(" WHERE 1 = 1");
		var params = new ArrayList<Object>();
		if (subjectId != null) {
			where.append(" AND subject_id = ?");
			params.add(subjectId);
		}
		if (entityType != null) {
			where.append(" AND entity_type = ?");
			params.add(entityType);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_entries" + where).params(params).query(Long.class).single();
		var pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<AuditEntry> items = jdbc
			.sql("SELECT * FROM audit_entries" + where + " ORDER BY occurred_at DESC, id LIMIT ? OFFSET ?")
			.params(pageParams).query((rs, n) -> entry(rs)).list();
		return new PageResult<>(items, page, size, total);
	}

	public List<AuditEntry> findByEntity(String entityType, String entityId) {
		return jdbc.sql("SELECT * FROM audit_entries WHERE entity_type = ? AND entity_id = ? ORDER BY occurred_at DESC")
			.params(entityType, entityId).query((rs, n) -> entry(rs)).list();
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		UUID actor = rs.getObject("actor_id", UUID.class);
		return new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
				actor == null ? null : new AccountId(actor), rs.getString("actor_name"),
				rs.getObject("subject_id", UUID.class), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("action"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"));
	}
}
