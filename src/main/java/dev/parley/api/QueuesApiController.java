package dev.parley.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.Medium;
import dev.parley.common.Violations;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueDefinition;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;
import dev.parley.security.ParleyUser;

/**
 * Queues: every signed-in client reads which queues there are, what they serve and whether they are open
 * ({@code /api/v1/queues}); administrators create, edit and delete them with their routing settings
 * ({@code /api/v1/admin/queues}).
 */
@RestController
class QueuesApiController {

	record QueueSummary(String key, String name, String description, List<String> media, boolean openNow,
			ZonedDateTime nextOpening, boolean defaultQueue) {
	}

	record QueueView(String key, String name, String description, String groupKey, List<String> media,
			Set<String> categories, List<RequiredSkill> skills, String strategy, int priority, long offerTimeoutSeconds,
			int maxMissedOffers, long wrapUpSeconds, long serviceLevelSeconds, boolean defaultQueue, boolean openNow,
			long version) {
	}

	record QueueRequest(String key, String name, String description, String groupKey, List<String> media,
			Set<String> categories, List<RequiredSkill> skills, String strategy, Integer priority,
			Integer offerTimeoutSeconds, Integer maxMissedOffers, Integer wrapUpSeconds, Integer serviceLevelSeconds,
			Boolean defaultQueue, Long version) {
	}

	private final QueueManagement queues;
	private final Clock clock;

	QueuesApiController(QueueManagement queues, Optional<Clock> clock) {
		this.queues = queues;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@GetMapping("/api/v1/queues")
	List<QueueSummary> summaries() {
		Instant now = clock.instant();
		return queues.queues().stream().map(q -> {
			boolean open = queues.isOpen(q, now);
			return new QueueSummary(q.key(), q.name(), q.description(), media(q), open,
					open ? null : queues.nextOpening(q, now).orElse(null), q.defaultQueue());
		}).toList();
	}

	@GetMapping("/api/v1/admin/queues")
	List<QueueView> list() {
		return queues.queues().stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/admin/queues/{key}")
	QueueView read(@PathVariable String key) {
		return view(queues.queue(key));
	}

	@PostMapping("/api/v1/admin/queues")
	ResponseEntity<QueueView> create(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) QueueRequest request) {
		QueueRequest r = request == null ? empty() : request;
		var created = queues.create(r.key(), definition(r), user.accountId());
		return ResponseEntity.created(URI.create("/api/v1/admin/queues/" + created.key())).body(view(created));
	}

	@PutMapping("/api/v1/admin/queues/{key}")
	QueueView update(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@RequestBody(required = false) QueueRequest request) {
		QueueRequest r = request == null ? empty() : request;
		return view(queues.update(key, definition(r), r.version(), user.accountId()));
	}

	@DeleteMapping("/api/v1/admin/queues/{key}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@RequestParam(required = false) Long version) {
		queues.delete(key, version, user.accountId());
		return ResponseEntity.noContent().build();
	}

	private QueueView view(Queue q) {
		return new QueueView(q.key(), q.name(), q.description(), q.groupKey(), media(q), q.categories(), q.skills(),
				BrokerViews.token(q.strategy().name()), q.priority(), q.offerTimeout().toSeconds(), q.maxMissedOffers(),
				q.wrapUpLimit().toSeconds(), q.serviceLevelTarget().toSeconds(), q.defaultQueue(),
				queues.isOpen(q, clock.instant()), q.version());
	}

	private static List<String> media(Queue q) {
		return q.mediaInOrder().stream().map(m -> BrokerViews.token(m.name())).toList();
	}

	private static QueueDefinition definition(QueueRequest r) {
		var v = new Violations();
		Set<Medium> media = null;
		if (r.media() != null) {
			media = new LinkedHashSet<>();
			for (int i = 0; i < r.media().size(); i++) {
				try {
					media.add(BrokerViews.medium(r.media().get(i), "media[" + i + "]"));
				}
				catch (dev.parley.common.InvalidInputException e) {
					v.add("media[" + i + "]", "invalid", "must be one of chat, voice, email, video");
				}
			}
			media.remove(null);
		}
		RoutingStrategy strategy = null;
		if (r.strategy() != null && !r.strategy().isBlank()) {
			try {
				strategy = RoutingStrategy.valueOf(r.strategy().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException e) {
				v.add("strategy", "invalid", "must be one of most-skilled, longest-idle, round-robin, least-busy");
			}
		}
		v.throwIfAny();
		return new QueueDefinition(r.name(), r.description(), r.groupKey(), media, r.categories(), r.skills(), strategy,
				r.priority(), r.offerTimeoutSeconds(), r.maxMissedOffers(), r.wrapUpSeconds(), r.serviceLevelSeconds(),
				r.defaultQueue());
	}

	private static QueueRequest empty() {
		return new QueueRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}
}
