package dev.parley.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisor wallboard: a landing page that later issues fill (the workstation: AgentWorkstationController). */
@Controller
class StaffHomeController {

	@GetMapping("/supervisor")
	String supervisor() {
		return "supervisor/home";
	}
}
