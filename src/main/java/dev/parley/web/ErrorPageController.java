package dev.parley.web;

import java.io.IOException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Parley's {@code /error}, in place of Spring Boot's: every error that reached no controller's own handler (the
 * security firewall's refusal of {@code ..} or {@code ;}, a form without its CSRF token, an address nothing
 * serves) answers problem+json with a sentence for the client, or Parley's error page to a browser that asks for
 * HTML. Never a class name, a path or a time stamp.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i && i >= 400 ? i : 500;
		ErrorAnswers.Answer answer = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
				? ErrorAnswers.csrf() : ErrorAnswers.of(status);
		if (ErrorAnswers.wantsPage(request.getHeader("Accept"))) {
			var page = new ModelAndView("error", HttpStatusCode.valueOf(status));
			page.addObject("status", status);
			return page;
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(answer.json());
		return null; // answered
	}
}
