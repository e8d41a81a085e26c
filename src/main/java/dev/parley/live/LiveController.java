package dev.parley.live;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.Role;
import dev.parley.security.ParleyUser;

/**
 * {@code GET /live/presence}: the page's event stream (session-authenticated, text/event-stream).
 * {@code want} names what the page shows ({@code me}, {@code customers}). The page reports idle and
 * its own closing with {@code POST /live/idle} and {@code POST /live/close}.
 */
@RestController
@RequestMapping("/live")
class LiveController {

	private final LiveHub hub;
	private final LiveSettings settings;
	private final CustomerManagement customers;

	LiveController(LiveHub hub, LiveSettings settings, CustomerManagement customers) {
		this.hub = hub;
		this.settings = settings;
		this.customers = customers;
	}

	@GetMapping(path = "/presence", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter presence(@AuthenticationPrincipal ParleyUser user, @RequestParam(defaultValue = "") String want,
			HttpServletRequest request, Locale locale) {
		SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
		var topics = topics(want);
		if (!user.role().isStaff()) {
			topics.remove(LiveConnection.Topic.AGENTS); // agents' states and the wallboard's charts are for staff
			topics.remove(LiveConnection.Topic.CHARTS);
		}
		LiveConnection connection = hub.open(viewer(user, request, locale), topics, new SseChannel(emitter));
		emitter.onCompletion(() -> hub.close(connection));
		emitter.onTimeout(() -> hub.close(connection));
		emitter.onError(e -> hub.close(connection));
		return emitter;
	}

	@PostMapping("/idle")
	ResponseEntity<Void> idle(@AuthenticationPrincipal ParleyUser user, @RequestParam String connection,
			@RequestParam(defaultValue = "true") boolean idle) {
		hub.idle(user.id(), connection, idle);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/close")
	ResponseEntity<Void> close(@AuthenticationPrincipal ParleyUser user, @RequestParam String connection) {
		hub.close(user.id(), connection);
		return ResponseEntity.noContent().build();
	}

	private LiveConnection.Viewer viewer(ParleyUser user, HttpServletRequest request, Locale locale) {
		ZoneId zone = user.is(Role.CUSTOMER) ? customers.timeZone(new CustomerId(user.id())) : ZoneId.of("UTC");
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new LiveConnection.Viewer(user.id(), user.role(), user.displayName(), locale, zone,
				csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
				request.getContextPath());
	}

	private static Set<LiveConnection.Topic> topics(String want) {
		Set<LiveConnection.Topic> topics = EnumSet.noneOf(LiveConnection.Topic.class);
		for (String word : want.split(",")) {
			for (LiveConnection.Topic t : LiveConnection.Topic.values()) {
				if (t.name().equalsIgnoreCase(word.strip())) {
					topics.add(t);
				}
			}
		}
		return topics;
	}
}
