package dev.parley.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditEntry;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;

/**
 * Agents, supervisors and administrators read the audit trail of changes to center data, all of it or
 * one customer's (found by username or id), with the customer's name next to each entry.
 */
@Controller
class AuditController {

	private final AuditLog audit;
	private final IdentityManagement identity;

	AuditController(AuditLog audit, IdentityManagement identity) {
		this.audit = audit;
		this.identity = identity;
	}

	@GetMapping("/agent/audit")
	String audit(@RequestParam(required = false) String customer, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int safePage = Math.max(page, 0);
		String query = customer == null ? "" : customer.trim();
		var subject = query.isEmpty() ? null : subject(query);
		if (!query.isEmpty() && subject == null) {
			model.addAttribute("errors", Map.of("customer", "No customer has that username or id."));
		}
		var entries = subject == null ? audit.recent(safePage, 50) : audit.aboutSubject(subject, safePage, 50);
		Map<UUID, String> names = new HashMap<>();
		entries.items().stream().map(AuditEntry::subjectId).filter(Objects::nonNull).distinct()
			.forEach(id -> identity.find(new AccountId(id)).ifPresent(a -> names.put(id, a.displayName())));
		model.addAttribute("entries", entries);
		model.addAttribute("names", names);
		model.addAttribute("customer", query);
		return "agent/audit";
	}

	private UUID subject(String query) {
		try {
			return UUID.fromString(query);
		}
		catch (IllegalArgumentException notAnId) {
			return identity.findByUsername(query).map(Account::id).map(AccountId::value).orElse(null);
		}
	}
}
