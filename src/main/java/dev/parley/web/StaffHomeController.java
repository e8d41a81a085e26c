package dev.parley.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.parley.common.Medium;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.status.CenterStatus;
import dev.parley.status.QueueStatus;

/**
 * The supervisor's wallboard: the center's live figures as a whole and per queue, rendered here and kept current
 * by live push (topic status; static/js/status.js). The workstation is AgentWorkstationController.
 */
@Controller
class StaffHomeController {

	/** One queue's row. */
	record QueueRow(Queue queue, QueueStatus status) {
	}

	private final CenterStatus status;
	private final QueueManagement queues;

	StaffHomeController(CenterStatus status, QueueManagement queues) {
		this.status = status;
		this.queues = queues;
	}

	@GetMapping("/supervisor")
	String supervisor(Model model) {
		model.addAttribute("center", status.center());
		List<QueueRow> rows = queues.queues().stream().map(q -> new QueueRow(q, status.queue(q.key()))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("media", Medium.values());
		return "supervisor/home";
	}
}
