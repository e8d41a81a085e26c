package dev.parley.api;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.PageResult;
import dev.parley.identity.AuditEntry;
import dev.parley.identity.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit trail for agents, supervisors and administrators. */
@RestController
@Tag(name = "Audit", description = "Every change to center data: who, when, what, old and new value.")
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
	@Operation(operationId = "listAuditEntries", summary = "Read the audit trail", description = """
			The audit trail, newest first: every change to center data (orders cancelled or redirected, \
			ratings, profile sections, opening hours, custom attributes, hires) with who made it, when, about \
			which customer, the entity, the action, the field and its old and new value. Optionally only the \
			entries about one `customer`; paged by `page` and `size`. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "One page of entries.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "page", summary = "a cancelled order",
					value = ApiExamples.AUDIT_PAGE)))
	PageResult<EntryView> entries(
			@Parameter(description = "Only entries about this customer (the customer's id).",
					example = "ab78f2fa-7474-45ba-ab1f-d52a47a02c81") @RequestParam(required = false) UUID customer,
			@Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Entries per page, 1 to 200.") @RequestParam(defaultValue = "50") int size) {
		var entries = customer == null ? audit.recent(page, size) : audit.aboutSubject(customer, page, size);
		return entries.map(EntryView::of);
	}
}
