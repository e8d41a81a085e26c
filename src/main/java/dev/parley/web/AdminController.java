package dev.parley.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's landing page: links to what administrators manage. */
@Controller
class AdminController {

	@GetMapping("/admin")
	String home() {
		return "admin/home";
	}
}
