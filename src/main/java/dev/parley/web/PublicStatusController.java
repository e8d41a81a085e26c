package dev.parley.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * {@code GET /status}: the public status page, for anyone without signing in: the center's figures, which media
 * are open, each queue's estimated wait, and each queue's and medium's estimators with their measured error (the
 * accuracy the issue asks to publish).
 */
@Controller
class PublicStatusController {

	/** One queue with its lanes (one per medium it serves). */
	record QueueView(Queue queue, QueueStatus status, List<QueueStatus> lanes) {
	}

	private final CenterStatus status;
	private final QueueManagement queues;

	PublicStatusController(CenterStatus status, QueueManagement queues) {
		this.status = status;
		this.queues = queues;
	}

	@GetMapping("/status")
	String status(Model model) {
		model.addAttribute("center", status.center());
		model.addAttribute("media", Medium.values());
		model.addAttribute("queues", queues.queues().stream()
			.map(q -> new QueueView(q, status.queue(q.key()), status.lanes(q.key()))).toList());
		model.addAttribute("asOf", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
			.format(Instant.now()));
		return "status";
	}
}
