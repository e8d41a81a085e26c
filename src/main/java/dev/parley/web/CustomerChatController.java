package dev.parley.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.chat.Chat;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.RefusedException;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.security.ParleyUser;

/**
 * The customer's chat (/customer/contact/{id}): the page, the messages after a sequence number and the chat's state
 * (the page script's catch-up, as fragments), send, read, typing, leave and the transcript as a text file. Sent by
 * the page script (header {@value #FRAGMENT}) a message answers with the message form; without it, a redirect to the
 * page, or the page with the field's message. Another customer's chat answers like an unknown one.
 */
@Controller
@RequestMapping("/customer/contact/{id}")
class CustomerChatController {

	static final String FRAGMENT = "X-Parley-Fragment";
	static final String PAGE = "customer/contact";
	static final String PARTS = "customer/_contact";

	private final CustomerChats chats;
	private final Interactions interactions;
	private final Chat chat;
	private final MessageSource messages;

	CustomerChatController(CustomerChats chats, Interactions interactions, Chat chat, MessageSource messages) {
		this.chats = chats;
		this.interactions = interactions;
		this.chat = chat;
		this.messages = messages;
	}

	@GetMapping
	String page(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, Model model) {
		model.addAttribute("chat", chats.view(user, InteractionId.parse(id)));
		return PAGE;
	}

	@GetMapping("/messages")
	String messages(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(defaultValue = "0") long after, Model model) {
		InteractionId interaction = InteractionId.parse(id);
		model.addAttribute("messages", chat.messages(chats.me(user), interaction, Math.max(0, after)));
		model.addAttribute("receipts", chat.receipts(chats.me(user), interaction));
		return PARTS + " :: items";
	}

	@GetMapping("/state")
	String state(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, Model model) {
		model.addAttribute("chat", chats.state(user, InteractionId.parse(id)));
		return PARTS + " :: live";
	}

	@PostMapping("/messages")
	String send(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(required = false) String body, @RequestHeader(name = FRAGMENT, required = false) String fragment,
			Locale locale, Model model, HttpServletResponse response) {
		InteractionId interaction = InteractionId.parse(id);
		String error;
		try {
			chat.post(chats.me(user), interaction, body, null);
			if (fragment == null) {
				return "redirect:/customer/contact/" + id + "#compose";
			}
			model.addAttribute("chat", chats.state(user, interaction));
			return PARTS + " :: compose";
		}
		catch (InvalidInputException e) {
			error = text(locale, "contact.message.required");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		catch (RefusedException e) {
			error = switch (e.kind()) {
				case TOO_LARGE -> text(locale, "contact.message.too-long", String.valueOf(Chat.MAX_BODY));
				case TOO_MANY_REQUESTS -> text(locale, "contact.message.too-fast");
				default -> throw e;
			};
			response.setStatus(e.kind() == RefusedException.Kind.TOO_LARGE ? 413 : 429);
		}
		catch (ConflictException e) {
			error = text(locale, "contact.message.over");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		model.addAttribute("bodyError", error);
		model.addAttribute("body", body == null ? "" : body);
		if (fragment == null) {
			model.addAttribute("chat", chats.view(user, interaction));
			return PAGE;
		}
		model.addAttribute("chat", chats.state(user, interaction));
		return PARTS + " :: compose";
	}

	@PostMapping("/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, @RequestParam long upTo) {
		chat.read(chats.me(user), InteractionId.parse(id), upTo);
	}

	@PostMapping("/typing")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void typing(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		chat.typing(chats.me(user), InteractionId.parse(id));
	}

	/** Leaves the line, or ends the chat; leaving one that is over changes nothing. */
	@PostMapping("/leave")
	String leave(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, Locale locale,
			RedirectAttributes redirect) {
		interactions.leave(user.customerId(), InteractionId.parse(id));
		redirect.addFlashAttribute("flash", text(locale, "contact.left"));
		return "redirect:/customer/contact/" + id;
	}

	/** The conversation as a plain-text file ("Name: text" a line). */
	@GetMapping("/transcript")
	ResponseEntity<String> transcript(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		var view = chats.state(user, InteractionId.parse(id));
		String text = chat.transcript(view.interaction().id());
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"chat-" + view.id() + ".txt\"")
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(text == null ? "" : text + "\n");
	}

	/** A malformed number (read up to) answers like any bad request. */
	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(Model model) {
		model.addAttribute("status", 400);
		return "error";
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
