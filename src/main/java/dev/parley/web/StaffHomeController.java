package dev.parley.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.parley.common.Medium;
import dev.parley.live.AgentRoster;
import dev.parley.routing.Queue;
import dev.parley.security.ParleyUser;
import dev.parley.routing.QueueManagement;
import dev.parley.status.CenterStatus;
import dev.parley.status.QueueStatus;
import dev.parley.status.StatusThresholds;

/**
 * The supervisor's wallboard: the center's live figures as a whole and per queue, rendered here and kept current
 * by live push (topics status and agents; static/js/status.js). The workstation is AgentWorkstationController.
 */
@Controller
class StaffHomeController {

	/** One queue's row. */
	record QueueRow(Queue queue, QueueStatus status, List<StatusThresholds.Breach> alerts) {
	}

	private final CenterStatus status;
	private final QueueManagement queues;
	private final AgentRoster roster;

	private final StatusFormat format;
	private final StatusCharts charts;
	private final ViewerZone zones;
	private final StatusThresholds thresholds;

	StaffHomeController(CenterStatus status, QueueManagement queues, AgentRoster roster, StatusFormat format,
			StatusCharts charts, ViewerZone zones, StatusThresholds thresholds) {
		this.thresholds = thresholds;
		this.zones = zones;
		this.format = format;
		this.charts = charts;
		this.status = status;
		this.queues = queues;
		this.roster = roster;
	}

	@GetMapping("/supervisor")
	String supervisor(Model model, java.util.Locale locale, @AuthenticationPrincipal ParleyUser user) {
		model.addAttribute("center", status.center());
		List<QueueRow> rows = queues.queues().stream().map(q -> status.queue(q.key()))
			.map(s -> new QueueRow(queues.queue(s.queue()), s, thresholds.breaches(s))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("alerting", rows.stream().anyMatch(r -> !r.alerts().isEmpty()));
		model.addAttribute("media", Medium.values());
		model.addAttribute("agents", roster.agents());
		model.addAttribute("agentLabels", format.agentLabels(locale));
		model.addAttribute("charts", charts.json(zones.of(user)));
		model.addAttribute("sampleMinutes", charts.sampleMinutes());
		return "supervisor/home";
	}

	/** The charts' data again, fetched by the wallboard when the live channel says a new sample was taken. */
	@GetMapping(path = "/supervisor/charts", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	String charts(@AuthenticationPrincipal ParleyUser user) {
		return charts.json(zones.of(user));
	}
}
