package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * One change to center data: who made it, when, to what (entity type and id, and the customer the
 * data is about), and the field's old and new value.
 */
public record AuditEntry(UUID id, Instant occurredAt, AccountId actorId, String actorName, UUID subjectId,
		String entityType, String entityId, String action, String field, String oldValue, String newValue) {
}
