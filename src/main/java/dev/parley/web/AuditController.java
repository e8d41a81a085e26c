package dev.parley.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.common.PageResult;
import dev.parley.identity.AuditLog;

/** Agents, supervisors and administrators read the audit trail of changes to center data. */
@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/agent/audit")
	String audit(@RequestParam(required = false) UUID customer, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int safePage = Math.max(page, 0);
		model.addAttribute("entries", customer == null ? audit.recent(safePage, 50)
				: audit.aboutSubject(customer, safePage, 50));
		model.addAttribute("customer", customer);
		return "agent/audit";
	}

	static int pages(PageResult<?> page) {
		return Math.max(1, page.totalPages());
	}
}
