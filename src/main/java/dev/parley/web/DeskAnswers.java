package dev.parley.web;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.security.ParleyUser;

/**
 * How the workstation answers a chat action: to the page script the fragments that changed (the refused form with
 * its field messages, the pane again, or the pane's removal, with the status line); without the script a redirect
 * with a flash message, or the whole page with the field messages.
 */
@Component
class DeskAnswers {

	private final AgentDesk desk;
	private final DeskViews views;
	private final DeskPage page;
	private final MessageSource messages;

	DeskAnswers(AgentDesk desk, DeskViews views, DeskPage page, MessageSource messages) {
		this.desk = desk;
		this.views = views;
		this.page = page;
		this.messages = messages;
	}

	String compose(ParleyUser user, InteractionId id, Model model) {
		model.addAttribute("pane", views.forms(desk.get(user.agentId(), id)));
		model.addAttribute("only", "compose");
		return AgentWorkstationController.ANSWER;
	}

	/** The form again with its field messages and what was typed; nothing changed. */
	String invalid(ParleyUser user, String id, String fragment, String form, Map<String, String> errors,
			Map<String, String> values, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("errorsFor", id);
		model.addAttribute("form", values);
		if (fragment == null) {
			model.addAttribute("deskAlert", text("workstation.form.invalid"));
			return page.render(user, model);
		}
		page.paneExtras(user, model);
		model.addAttribute("pane", views.forms(desk.get(user.agentId(), InteractionId.parse(id))));
		model.addAttribute("only", form);
		return AgentWorkstationController.ANSWER;
	}

	/** The chat left the agent's desk: the pane goes, the status says why. */
	String done(String id, String fragment, String status, Model model,
			RedirectAttributes redirect) {
		if (fragment == null) {
			redirect.addFlashAttribute("flash", status);
			return "redirect:/agent";
		}
		model.addAttribute("removed", id);
		model.addAttribute("deskStatus", status);
		return AgentWorkstationController.ANSWER;
	}

	String moved(ParleyUser user, String id, String fragment, Model model, RedirectAttributes redirect) {
		if (fragment == null) {
			redirect.addFlashAttribute("deskAlert", text("workstation.chat.moved"));
			return "redirect:/agent";
		}
		Interaction now = desk.get(user.agentId(), InteractionId.parse(id));
		if (now.state().isHandled()) {
			page.paneExtras(user, model);
			model.addAttribute("pane", views.pane(user, now));
		}
		else {
			model.addAttribute("removed", id);
		}
		model.addAttribute("deskAlert", text("workstation.chat.moved"));
		return AgentWorkstationController.ANSWER;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
