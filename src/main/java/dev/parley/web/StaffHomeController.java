package dev.parley.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.parley.common.Medium;
import dev.parley.live.AgentRoster;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.status.CenterStatus;
import dev.parley.status.QueueStatus;

/**
 * The supervisor's wallboard: the center's live figures as a whole and per queue, rendered here and kept current
 * by live push (topics status and agents; static/js/status.js). The workstation is AgentWorkstationController.
 */
@Controller
class StaffHomeController {

	/** One queue's row. */
	record QueueRow(Queue queue, QueueStatus status) {
	}

	private final CenterStatus status;
	private final QueueManagement queues;
	private final AgentRoster roster;

	private final StatusFormat format;

	StaffHomeController(CenterStatus status, QueueManagement queues, AgentRoster roster, StatusFormat format) {
		this.format = format;
		this.status = status;
		this.queues = queues;
		this.roster = roster;
	}

	@GetMapping("/supervisor")
	String supervisor(Model model, java.util.Locale locale) {
		model.addAttribute("center", status.center());
		List<QueueRow> rows = queues.queues().stream().map(q -> new QueueRow(q, status.queue(q.key()))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("media", Medium.values());
		model.addAttribute("agents", roster.agents());
		model.addAttribute("agentLabels", format.agentLabels(locale));
		return "supervisor/home";
	}
}
