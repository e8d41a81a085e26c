package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.chat.Chat;
import dev.parley.common.AgentId;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Outcome;
import dev.parley.common.RefusedException;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Transfer;
import dev.parley.security.ParleyUser;

/**
 * One chat on the workstation (/agent/chats/{id}): its pane and messages after a sequence number (the page
 * script's catch-up), send, read, typing, transfer to a queue or a named agent with a note, end and wrap-up.
 * Invalid input comes back with the field's message and changes nothing; a chat that moved on meanwhile (the
 * customer left, the wrap-up limit passed) says so. Sent by the page script, answers are fragments
 * ({@link AgentWorkstationController#FRAGMENT}); without it, a redirect to the chat or the whole page.
 */
@Controller
class AgentChatController {

	private final AgentDesk desk;
	private final Chat chat;
	private final DeskViews views;
	private final DeskPage page;
	private final DeskAnswers answers;

	AgentChatController(AgentDesk desk, Chat chat, DeskViews views, DeskPage page, DeskAnswers answers) {
		this.desk = desk;
		this.chat = chat;
		this.views = views;
		this.page = page;
		this.answers = answers;
	}

	@GetMapping("/agent/chats/{id}")
	String pane(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, Model model) {
		Interaction i = desk.get(user.agentId(), InteractionId.parse(id));
		if (i.state().isHandled()) {
			page.paneExtras(user, model);
			model.addAttribute("pane", views.pane(user, i));
		}
		return AgentWorkstationController.ANSWER;
	}

	@GetMapping("/agent/chats/{id}/messages")
	String messages(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(defaultValue = "0") long after, Model model) {
		InteractionId interaction = InteractionId.parse(id);
		model.addAttribute("messages", chat.messages(views.me(user), interaction, Math.max(0, after)));
		model.addAttribute("receipts", chat.receipts(views.me(user), interaction));
		return "agent/_chat :: items";
	}

	@PostMapping("/agent/chats/{id}/messages")
	String send(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(required = false) String body, @RequestHeader(name = AgentWorkstationController.FRAGMENT,
					required = false) String fragment, Model model, RedirectAttributes redirect) {
		InteractionId interaction = InteractionId.parse(id);
		String error = null;
		try {
			chat.post(views.me(user), interaction, body, null);
		}
		catch (InvalidInputException e) {
			error = text("workstation.message.required");
		}
		catch (RefusedException e) {
			error = e.kind() == RefusedException.Kind.TOO_LARGE
					? text("workstation.message.too-long", String.valueOf(Chat.MAX_BODY))
					: e.kind() == RefusedException.Kind.TOO_MANY_REQUESTS ? text("workstation.message.too-fast") : null;
			if (error == null) {
				throw e;
			}
		}
		catch (ConflictException e) {
			return answers.moved(user, id, fragment, model, redirect);
		}
		if (error == null) {
			return fragment == null ? "redirect:/agent#chat-" + id : answers.compose(user, interaction, model);
		}
		return answers.invalid(user, id, fragment, "compose", Map.of("body", error), Map.of("body", body == null ? "" : body),
				model);
	}

	@PostMapping("/agent/chats/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, @RequestParam long upTo) {
		chat.read(views.me(user), InteractionId.parse(id), upTo);
	}

	@PostMapping("/agent/chats/{id}/typing")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void typing(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		chat.typing(views.me(user), InteractionId.parse(id));
	}

	/** To a queue ({@code queue:<key>}) or a named agent ({@code agent:<uuid>}), with a note for the next agent. */
	@PostMapping("/agent/chats/{id}/transfer")
	String transfer(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(required = false) String target, @RequestParam(required = false) String note,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("target", target == null ? "" : target);
		values.put("note", note == null ? "" : note);
		Transfer transfer = parse(target, note);
		if (transfer == null) {
			return answers.invalid(user, id, fragment, "transfer", Map.of("target", text("workstation.transfer.target.unknown")),
					values, model);
		}
		try {
			desk.transfer(user.agentId(), InteractionId.parse(id), transfer);
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>(FieldErrors.of(e));
			if (errors.remove("queue") != null | errors.remove("agent") != null) {
				errors.put("target", text("workstation.transfer.target.unknown"));
			}
			return answers.invalid(user, id, fragment, "transfer", errors, values, model);
		}
		catch (RefusedException e) {
			if (e.kind() != RefusedException.Kind.CANNOT_SERVE) {
				throw e;
			}
			return answers.invalid(user, id, fragment, "transfer",
					Map.of("target", text("workstation.transfer.refused." + e.code())), values, model);
		}
		catch (ConflictException e) {
			return answers.moved(user, id, fragment, model, redirect);
		}
		return answers.done(id, fragment, text("workstation.transfer.done"), model, redirect);
	}

	@PostMapping("/agent/chats/{id}/end")
	String end(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		Interaction ended;
		try {
			ended = desk.end(user.agentId(), InteractionId.parse(id));
		}
		catch (ConflictException e) {
			return answers.moved(user, id, fragment, model, redirect);
		}
		if (fragment == null) {
			redirect.addFlashAttribute("flash", text("workstation.chat.ended"));
			return "redirect:/agent#chat-" + id;
		}
		page.paneExtras(user, model);
		model.addAttribute("pane", views.pane(user, ended));
		model.addAttribute("deskStatus", text("workstation.chat.ended"));
		return AgentWorkstationController.ANSWER;
	}

	@PostMapping("/agent/chats/{id}/wrap-up")
	String wrapUp(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(required = false) String disposition, @RequestParam(required = false) String summary,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		try {
			desk.wrapUp(user.agentId(), InteractionId.parse(id), outcome(disposition), summary);
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>(FieldErrors.of(e));
			if (errors.containsKey("disposition")) {
				errors.put("disposition", text("workstation.wrapup.outcome.required"));
			}
			if (errors.containsKey("summary")) {
				errors.put("summary", text("workstation.wrapup.summary.invalid", String.valueOf(AgentDesk.MAX_SUMMARY)));
			}
			Map<String, String> values = new LinkedHashMap<>();
			values.put("disposition", disposition == null ? "" : disposition);
			values.put("summary", summary == null ? "" : summary);
			return answers.invalid(user, id, fragment, "wrapup", errors, values, model);
		}
		catch (ConflictException e) {
			return answers.moved(user, id, fragment, model, redirect);
		}
		return answers.done(id, fragment, text("workstation.wrapup.done"), model, redirect);
	}

	/** Another agent's chat answers like an unknown one; a malformed number like any bad request. */
	@ExceptionHandler(RefusedException.class)
	String refused(RefusedException e, Model model, HttpServletResponse response) {
		int status = e.kind() == RefusedException.Kind.NOT_YOURS ? 404
				: e.kind() == RefusedException.Kind.TOO_MANY_REQUESTS ? 429 : 422;
		response.setStatus(status);
		model.addAttribute("status", status);
		return "error";
	}

	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidNumber(Model model) {
		model.addAttribute("status", 400);
		return "error";
	}

	private static Transfer parse(String target, String note) {
		if (target != null && target.startsWith("queue:") && target.length() > 6) {
			return new Transfer(target.substring(6), null, note);
		}
		if (target != null && target.startsWith("agent:")) {
			try {
				return new Transfer(null, new AgentId(UUID.fromString(target.substring(6))), note);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
		return null;
	}

	private static Outcome outcome(String disposition) {
		for (Outcome o : Outcome.values()) {
			if (o.name().equals(disposition)) {
				return o;
			}
		}
		return null;
	}

	private String text(String key, Object... args) {
		return answers.text(key, args);
	}
}
