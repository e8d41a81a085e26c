package dev.parley.live;

import java.io.IOException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final LiveHub hub;
	private final LiveSettings settings;
	private final CustomerManagement customers;

	LiveController(LiveHub hub, LiveSettings settings, CustomerManagement customers) {
		this.hub = hub;
		this.settings = settings;
		this.customers = customers;
	}

	@GetMapping(path = "/presence", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void presence(@AuthenticationPrincipal ParleyUser user, @RequestParam(defaultValue = "") String want,
			HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		// the server ends a stream after the timeout and the page reconnects: spread over a quarter of it more, so
		// that pages which connected together (after a restart) do not all come back together again
		long timeout = settings.timeout().toMillis();
		var topics = topics(want);
		if (!user.role().isStaff()) {
			topics.remove(LiveConnection.Topic.AGENTS); // agents' states and the wallboard's charts are for staff
			topics.remove(LiveConnection.Topic.CHARTS);
		}
		var viewer = viewer(user, request, locale, topics);
		long life = timeout + ThreadLocalRandom.current().nextLong(timeout / 4 + 1);
		// the request's buffers go back to the container as this returns: the open stream holds its socket only
		UpgradedChannel upgraded = settings.upgrade() ? UpgradedChannel.open(request, response, life) : null;
		if (upgraded != null) {
			LiveConnection connection = hub.open(viewer, topics, upgraded);
			upgraded.start(() -> hub.close(connection));
		}
		else {
			ServletChannel channel = ServletChannel.open(request, response, life);
			LiveConnection connection = hub.open(viewer, topics, channel);
			channel.start(() -> hub.close(connection));
		}
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

	/** Who is connected and how they read; the time zone only for pages that show times (it is read from the profile). */
	private LiveConnection.Viewer viewer(ParleyUser user, HttpServletRequest request, Locale locale,
			Set<LiveConnection.Topic> topics) {
		boolean showsTimes = topics.contains(LiveConnection.Topic.ME) || topics.contains(LiveConnection.Topic.CUSTOMERS);
		ZoneId zone = showsTimes && user.is(Role.CUSTOMER) ? customers.timeZone(new CustomerId(user.id())) : UTC;
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
