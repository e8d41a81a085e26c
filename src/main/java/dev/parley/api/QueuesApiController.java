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

import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.Violations;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueDefinition;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Queues: every signed-in client reads which queues there are, what they serve and whether they are open
 * ({@code /api/v1/queues}); administrators create, edit and delete them with their routing settings
 * ({@code /api/v1/admin/queues}).
 */
@RestController
@Tag(name = "Queues", description = "The queues contacts wait in: which there are and whether they are open; "
		+ "administrators set their routing.")
class QueuesApiController {

	private static final String KEY = "The queue's key.";

	private static final String NOT_FOUND = "No queue has this key.";

	private static final String RULES = """
			`name` (required, at most 120 characters), `description` (at most 500), `groupKey` (required: the \
			agent group whose agents serve it and whose opening hours it keeps), `media` (required: chat, \
			voice, email or video, only ones the group offers), `categories` (catalog categories whose \
			products it serves), `skills` (each a `key` and the `minLevel`, 1 to 5, an agent needs), \
			`strategy` (how an agent is picked: most-skilled, the default, longest-idle, round-robin or \
			least-busy), `priority` (-10 to 10, default 0), `offerTimeoutSeconds` (5 to 300, default 20), \
			`maxMissedOffers` (1 to 10, default 3: then the agent is set not ready), `wrapUpSeconds` (0 to \
			3600, default 120), `serviceLevelSeconds` (the service level target, 5 to 3600, default 20) and \
			`defaultQueue` (where contacts go that no product or interest places). An unknown medium or \
			strategy is named on its own; otherwise every invalid field is named at once. The change is \
			written to the audit trail and reaches the router at once.""";

	private static final String INVALID = "A field breaks its rule; `key` is taken or not 1 to 40 lowercase "
			+ "letters, digits or `-` (not first); `groupKey` or a category names none; a medium is not offered by the group.";

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
	@Operation(operationId = "listQueues", summary = "List the queues", description = """
			The queues a contact can be started in (`queue` of `POST /api/v1/me/interactions`): key, name, \
			description, the media each takes, whether it is open now and, when closed, when it next opens \
			(within a week), and which is the default. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The queues.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queues", summary = "one open, one closed",
					value = ApiExamples.QUEUE_SUMMARIES)))
	List<QueueSummary> summaries() {
		Instant now = clock.instant();
		return queues.queues().stream().map(q -> {
			boolean open = queues.isOpen(q, now);
			return new QueueSummary(q.key(), q.name(), q.description(), media(q), open,
					open ? null : queues.nextOpening(q, now).orElse(null), q.defaultQueue());
		}).toList();
	}

	@GetMapping("/api/v1/admin/queues")
	@Operation(operationId = "listQueueSettings", summary = "List the queues with their routing settings",
			description = """
					Every queue with all its settings: agent group, media, categories, required skills, \
					routing strategy, priority, offer timeout, missed offers allowed, wrap-up limit, service \
					level target, whether it is the default and open now, and its `version`. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The queues.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queues", summary = "one queue",
					value = ApiExamples.QUEUES)))
	List<QueueView> list() {
		return queues.queues().stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/admin/queues/{key}")
	@Operation(operationId = "getQueueSettings", summary = "Read one queue with its routing settings",
			description = """
					One queue with all its settings and the `version` to send with a change or a deletion. \
					Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The queue.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queue", summary = "the support queue",
					value = ApiExamples.QUEUE)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "queue")
	QueueView read(@Parameter(description = KEY, example = "support") @PathVariable String key) {
		return view(queues.queue(key));
	}

	@PostMapping("/api/v1/admin/queues")
	@Operation(operationId = "addQueue", summary = "Add a queue", description = """
			Adds a queue: `key` (required, 1 to 40 lowercase letters, digits or `-`, not starting with `-`; \
			fixed once created), """ + RULES + " A queue sent with `defaultQueue` true becomes the default (the "
			+ "former default no longer is), and so does a queue added when none is the default. Answers 201 "
			+ "with the queue; `Location` names it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "queue", summary = "a support queue",
							value = ApiExamples.QUEUE_REQUEST))))
	@ApiResponse(responseCode = "201", description = "The queue as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queue", summary = "as saved",
					value = ApiExamples.QUEUE)))
	@ProblemAnswers(invalid = INVALID, exampleField = "name")
	ResponseEntity<QueueView> create(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) QueueRequest request) {
		QueueRequest r = request == null ? empty() : request;
		var created = queues.create(r.key(), definition(r), user.accountId());
		return ResponseEntity.created(URI.create("/api/v1/admin/queues/" + created.key())).body(view(created));
	}

	@PutMapping("/api/v1/admin/queues/{key}")
	@Operation(operationId = "updateQueue", summary = "Change a queue's settings", description = """
			Replaces the settings of the queue `key` (a `key` in the body is ignored; the key never \
			changes), with the queue's `version` (required): """ + RULES + " Absent numbers take their "
			+ "defaults. The default queue stays the default until another queue is made the default: send it "
			+ "with `defaultQueue` true. Answers the queue as saved.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "queue", summary = "skills and strategy changed",
							value = ApiExamples.QUEUE_UPDATE))))
	@ApiResponse(responseCode = "200", description = "The queue as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queue", summary = "as saved",
					value = ApiExamples.QUEUE_UPDATED)))
	@ProblemAnswers(invalid = INVALID + " `version` is missing.", notFound = NOT_FOUND, subject = "queue",
			conflicts = { ProblemAnswers.Conflict.STALE, ProblemAnswers.Conflict.DEFAULT_QUEUE })
	QueueView update(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = KEY, example = "support") @PathVariable String key,
			@RequestBody(required = false) QueueRequest request) {
		QueueRequest r = request == null ? empty() : request;
		return view(queues.update(key, definition(r), r.version(), user.accountId()));
	}

	@DeleteMapping("/api/v1/admin/queues/{key}")
	@Operation(operationId = "deleteQueue", summary = "Delete a queue", description = """
			Deletes a queue that has no contacts left that are not over, with its `version`. The default \
			queue cannot be deleted: make another queue the default first. The deletion is written to the \
			audit trail. Cannot be undone.""")
	@ApiResponse(responseCode = "204", description = "The queue is gone.")
	@ProblemAnswers(invalid = "`version` is missing.", notFound = NOT_FOUND, subject = "queue",
			conflicts = { ProblemAnswers.Conflict.STALE, ProblemAnswers.Conflict.DEFAULT_QUEUE,
					ProblemAnswers.Conflict.QUEUE_IN_USE })
	ResponseEntity<Void> delete(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = KEY, example = "support") @PathVariable String key,
			@Parameter(description = "The queue's `version` as last read (required).", example = "2")
			@RequestParam(required = false) Long version) {
		if (version == null) {
			throw InvalidInputException.of("version", "required", "must be given");
		}
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
