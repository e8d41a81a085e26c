package dev.parley.identity;

import java.util.UUID;

/**
 * A change to record: {@code actor} is the account that made it (null for the system),
 * {@code subjectId} the customer the data is about.
 */
public record AuditChange(AccountId actor, UUID subjectId, String entityType, String entityId, String action,
		String field, String oldValue, String newValue) {

	public static AuditChange of(AccountId actor, UUID subjectId, String entityType, String entityId, String action) {
		return new AuditChange(actor, subjectId, entityType, entityId, action, null, null, null);
	}

	public AuditChange field(String field, Object oldValue, Object newValue) {
		return new AuditChange(actor, subjectId, entityType, entityId, action, field,
				oldValue == null ? null : oldValue.toString(), newValue == null ? null : newValue.toString());
	}
}
