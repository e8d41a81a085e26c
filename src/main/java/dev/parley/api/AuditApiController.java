package dev.parley.api;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.PageResult;
import dev.parley.identity.AuditEntry;
import dev.parley.identity.AuditLog;

/** The audit trail for agents, supervisors and administrators. */
@RestController
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	record EntryView(UUID id, java.time.Instant occurredAt, UUID actorId, String actorName, UUID customerId,
			String entityType, String entityId, String action, String field, String oldValue, String newValue) {
		static EntryView of(AuditEntry e) {
			return new EntryView(e.id(), e.occurredAt(), e.actorId() == null ? null : e.actorId().value(),
					e.actorName(), e.subjectId(), e.entityType(), e.entityId(), e.action(), e.field(), e.oldValue(),
					e.newValue());
		}
	}

	@GetMapping("/api/v1/audit")
	@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
	PageResult<EntryView> entries(@RequestParam(required = false) UUID customer,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return (customer == null ? audit.recent(page, size) : audit.aboutSubject(customer, page, size)).map(EntryView::of);
	}
}
