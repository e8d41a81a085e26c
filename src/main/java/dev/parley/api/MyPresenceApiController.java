package dev.parley.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.pidf.PresentityUris;
import dev.parley.presence.PortalPresence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.presence.PresencePrivacy.WatcherRuleInput;
import dev.parley.presence.PresenceReading;
import dev.parley.presence.PresentityId;
import dev.parley.presence.StatusChoice;
import dev.parley.security.ParleyUser;

/**
 * The signed-in customer's own presence: the status they set, who watches them and who asks to (RFC
 * 3857), approve and deny, and their access and visibility rules (RFC 5025 in miniature).
 */
@RestController
@RequestMapping("/api/v1/me/presence")
class MyPresenceApiController {

	record ChoiceBody(String status, List<String> activities, String note) {
	}

	record MyPresence(String status, List<String> activities, String note, PresenceJson current) {
	}

	record RulesBody(Map<String, RuleInput> groups, List<WatcherRuleInput> watchers, Long version) {
	}

	private final PortalPresence portal;
	private final PresencePrivacy privacy;
	private final PresenceReading reading;
	private final PresentityUris uris;

	MyPresenceApiController(PortalPresence portal, PresencePrivacy privacy, PresenceReading reading,
			PresentityUris uris) {
		this.portal = portal;
		this.privacy = privacy;
		this.reading = reading;
		this.uris = uris;
	}

	@GetMapping
	MyPresence get(@AuthenticationPrincipal ParleyUser user) {
		return view(user, portal.choice(user.id()));
	}

	@PutMapping
	MyPresence put(@AuthenticationPrincipal ParleyUser user, @RequestBody(required = false) ChoiceBody body) {
		ChoiceBody b = body == null ? new ChoiceBody(null, null, null) : body;
		return view(user, portal.choose(user.id(), b.status(), b.activities(), b.note()));
	}

	@GetMapping("/watchers")
	List<PresenceApiViews.WatcherJson> watchers(@AuthenticationPrincipal ParleyUser user) {
		return privacy.watchers(user.id()).stream().map(PresenceApiViews.WatcherJson::of).toList();
	}

	@PostMapping("/watchers/{watcher}/approve")
	ResponseEntity<Void> approve(@AuthenticationPrincipal ParleyUser user, @PathVariable String watcher) {
		privacy.approve(user.id(), watcher);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/watchers/{watcher}/deny")
	ResponseEntity<Void> deny(@AuthenticationPrincipal ParleyUser user, @PathVariable String watcher) {
		privacy.deny(user.id(), watcher);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/rules")
	PresenceApiViews.RulesJson rules(@AuthenticationPrincipal ParleyUser user) {
		return PresenceApiViews.RulesJson.of(privacy.rules(user.id()));
	}

	@PutMapping("/rules")
	PresenceApiViews.RulesJson putRules(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) RulesBody body) {
		RulesBody b = body == null ? new RulesBody(null, null, null) : body;
		return PresenceApiViews.RulesJson.of(privacy.updateRules(user.id(), b.groups(), b.watchers(), b.version()));
	}

	private MyPresence view(ParleyUser user, StatusChoice choice) {
		PresenceDocument current = reading.fetch(user.id(), user.role(), PresentityId.customer(user.id()));
		return new MyPresence(choice.status().name().toLowerCase(java.util.Locale.ROOT),
				PresenceJson.tokens(choice.activities()), choice.note(), PresenceJson.of(current, uris));
	}
}
