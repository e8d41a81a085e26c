package dev.parley.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent workstation and supervisor wallboard: landing pages that later issues fill. */
@Controller
class StaffHomeController {

	@GetMapping("/agent")
	String agent() {
		return "agent/home";
	}

	@GetMapping("/supervisor")
	String supervisor() {
		return "supervisor/home";
	}
}
