package dev.parley.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.PageResult;
import dev.parley.identity.internal.AuditStore;

/**
 * The audit trail. Modules record a change in the same transaction as the change itself, so a change
 * without its entry (or an entry without its change) cannot be committed.
 */
@Service
public class AuditLog {

	private final AuditStore store;
	private final IdentityManagement identity;
	private final Clock clock;

	AuditLog(AuditStore store, IdentityManagement identity, Optional<Clock> clock) {
		this.store = store;
		this.identity = identity;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Records a change; must run inside the transaction that makes the change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(AuditChange change) {
		String actorName = change.actor() == null ? "system"
				: identity.find(change.actor()).map(Account::displayName).orElse("unknown");
		var entry = new AuditEntry(UUID.randomUUID(), Instant.now(clock), change.actor(), actorName, change.subjectId(),
				change.entityType(), change.entityId(), change.action(), change.field(), clip(change.oldValue()),
				clip(change.newValue()));
		store.insert(entry);
		return entry;
	}

	/** Entries about one customer's data, newest first. */
	public PageResult<AuditEntry> aboutSubject(UUID subjectId, int page, int size) {
		PageResult.validate(page, size);
		return store.find(subjectId, null, page, size);
	}

	/** Entries of one entity, newest first. */
	public List<AuditEntry> ofEntity(String entityType, String entityId) {
		return store.findByEntity(entityType, entityId);
	}

	/** All entries, newest first. */
	public PageResult<AuditEntry> recent(int page, int size) {
		PageResult.validate(page, size);
		return store.find(null, null, page, size);
	}

	private static String clip(String value) {
		return value == null || value.length() <= 2000 ? value : value.substring(0, 1997) + "...";
	}
}
