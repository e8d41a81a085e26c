package dev.parley.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.routing.internal.InteractionStore;
import dev.parley.routing.internal.QueueStore;
import dev.parley.routing.internal.RoutingBoard;

/**
 * Queues and their routing settings, as administrators set them (audited). A queue belongs to an agent group,
 * takes contacts while the group is open, and serves only media the group offers.
 */
@Service
public class QueueManagement {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
	private static final Pattern SKILL = Pattern.compile("[a-z][a-z0-9:_-]{0,29}");
	/** Keys a queue may not take: /admin/queues/new is the page of a queue not yet made. */
	private static final Set<String> RESERVED_KEYS = Set.of("new");

	private final QueueStore store;
	private final InteractionStore interactions;
	private final RoutingBoard board;
	private final AgentManagement agents;
	private final Catalog catalog;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	QueueManagement(QueueStore store, InteractionStore interactions, RoutingBoard board, AgentManagement agents,
			Catalog catalog, AuditLog audit, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.interactions = interactions;
		this.board = board;
		this.agents = agents;
		this.catalog = catalog;
		this.audit = audit;
	}

	public List<Queue> queues() {
		return store.all();
	}

	public Optional<Queue> find(String key) {
		return key == null ? Optional.empty() : store.find(key);
	}

	public Queue queue(String key) {
		return find(key).orElseThrow(() -> new NotFoundException("queue"));
	}

	/** Open when its group is open (opening hours, closures). */
	public boolean isOpen(Queue queue, Instant at) {
		return agents.isOpenAt(queue.groupKey(), at);
	}

	/** When the queue next opens, in its group's zone, within a week; empty when open now or never. */
	public Optional<ZonedDateTime> nextOpening(Queue queue, Instant from) {
		AgentGroup group = agents.group(queue.groupKey());
		Instant t = from.plus(Duration.ofMinutes(15)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		for (int i = 0; i < 24 * 4 * 7; i++, t = t.plus(Duration.ofMinutes(15))) {
			if (group.isOpenAt(t)) {
				return Optional.of(t.atZone(group.schedule().zone()));
			}
		}
		return Optional.empty();
	}

	@Transactional
	public Queue create(String key, QueueDefinition definition, AccountId actor) {
		var v = new Violations();
		v.check(key == null || !KEY.matcher(key).matches(), "key", "invalid",
				"must be 1 to 40 lowercase letters, digits or '-', starting with a letter or digit");
		v.check(key != null && RESERVED_KEYS.contains(key), "key", "reserved", "is reserved (the address of a new queue's page)");
		v.check(key != null && store.find(key).isPresent(), "key", "duplicate", "is taken by another queue");
		Queue valid = validated(key, definition, 0, v);
		boolean firstDefault = !valid.defaultQueue() && store.all().stream().noneMatch(Queue::defaultQueue);
		Queue queue = firstDefault ? new Queue(valid.key(), valid.name(), valid.description(), valid.groupKey(),
				valid.media(), valid.categories(), valid.skills(), valid.strategy(), valid.priority(),
				valid.offerTimeout(), valid.maxMissedOffers(), valid.wrapUpLimit(), valid.serviceLevelTarget(), true, 0)
				: valid;
		try {
			store.insert(queue);
		}
		catch (DuplicateKeyException e) {
			// another administrator (on this node or another) created the key since it was checked: the table's key
			// decides, and the loser hears what the check would have said
			throw InvalidInputException.of("key", "duplicate", "is taken by another queue");
		}
		if (queue.defaultQueue()) {
			store.clearDefaultExcept(queue.key());
		}
		audit.record(AuditChange.of(actor, null, "queue", key, "create").field("name", null, queue.name()));
		refreshBoardAfterCommit();
		return queue;
	}

	@Transactional
	public Queue update(String key, QueueDefinition definition, Long version, AccountId actor) {
		Queue current = queue(key);
		var v = new Violations().check(version == null, "version", "required", "must be given");
		Queue changed = validated(key, definition, current.version() + 1, v);
		if (current.version() != version) {
			throw ConflictException.stale("The queue");
		}
		if (current.defaultQueue() && !changed.defaultQueue()) {
			throw new ConflictException("default-queue", "One queue is the default; make another queue the default instead");
		}
		if (!store.update(changed, version)) {
			throw ConflictException.stale("The queue");
		}
		if (changed.defaultQueue()) {
			store.clearDefaultExcept(key);
		}
		var change = AuditChange.of(actor, null, "queue", key, "update");
		record(change.field("name", current.name(), changed.name()));
		record(change.field("media", current.mediaInOrder(), changed.mediaInOrder()));
		record(change.field("strategy", current.strategy(), changed.strategy()));
		record(change.field("offerTimeout", current.offerTimeout().toSeconds(), changed.offerTimeout().toSeconds()));
		record(change.field("group", current.groupKey(), changed.groupKey()));
		refreshBoardAfterCommit();
		return store.find(key).orElseThrow();
	}

	@Transactional
	public void delete(String key, Long version, AccountId actor) {
		Queue current = queue(key);
		if (version == null || current.version() != version) {
			throw ConflictException.stale("The queue");
		}
		if (current.defaultQueue()) {
			throw new ConflictException("default-queue", "The default queue cannot be deleted; make another the default first");
		}
		if (interactions.countIn(key) > 0) {
			throw new ConflictException("in-use", "The queue still has contacts; delete it when they are over");
		}
		if (!store.delete(key, version)) {
			throw ConflictException.stale("The queue");
		}
		audit.record(AuditChange.of(actor, null, "queue", key, "delete").field("name", current.name(), null));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				board.removeQueue(key);
				events.publishEvent(new QueuesChanged(key));
			}
		});
	}

	private void refreshBoardAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				store.all().forEach(board::putQueue);
				events.publishEvent(new QueuesChanged(null));
			}
		});
	}

	private void record(AuditChange change) {
		if (!Objects.equals(change.oldValue(), change.newValue())) {
			audit.record(change);
		}
	}

	private Queue validated(String key, QueueDefinition d, long version, Violations v) {
		if (d == null) {
			v.add("name", "required", "must not be blank").throwIfAny();
		}
		v.required(d.name(), "name").text(d.name(), 120, "name").lines(d.description(), 500, "description");
		Optional<AgentGroup> group = d.groupKey() == null ? Optional.empty()
				: agents.groups().stream().filter(g -> g.key().equals(d.groupKey())).findFirst();
		v.check(group.isEmpty(), "groupKey", "unknown", "must be an existing agent group");
		v.check(d.media() == null || d.media().isEmpty(), "media", "required", "must serve at least one medium");
		if (group.isPresent() && d.media() != null) {
			d.media().stream().filter(m -> m != null && !group.get().media().contains(m)).findFirst()
				.ifPresent(m -> v.add("media", "not-offered", "the group does not offer " + m));
		}
		Set<String> categories = d.categories() == null ? Set.of() : d.categories();
		categories.stream().filter(c -> c == null || !catalog.categoryExists(c)).findFirst()
			.ifPresent(c -> v.add("categories", "unknown", "must be categories of the catalog"));
		List<RequiredSkill> skills = d.skills() == null ? List.of() : d.skills();
		Set<String> seen = new java.util.HashSet<>();
		for (int i = 0; i < skills.size(); i++) {
			RequiredSkill s = skills.get(i);
			v.check(s == null || s.key() == null || !SKILL.matcher(s.key()).matches(), "skills[" + i + "].key", "invalid",
					"must be 1 to 30 lowercase letters, digits, ':', '_' or '-'");
			v.check(s != null && s.key() != null && !seen.add(s.key()), "skills[" + i + "].key", "duplicate",
					"is listed twice; give each skill once");
			v.check(s != null && (s.minLevel() < RequiredSkill.MIN_LEVEL || s.minLevel() > RequiredSkill.MAX_LEVEL),
					"skills[" + i + "].minLevel", "range",
					"must be between " + RequiredSkill.MIN_LEVEL + " and " + RequiredSkill.MAX_LEVEL);
		}
		int priority = range(d.priority(), QueueDefinition.PRIORITY, "priority", v);
		int offer = range(d.offerTimeoutSeconds(), QueueDefinition.OFFER_TIMEOUT_SECONDS, "offerTimeoutSeconds", v);
		int missed = range(d.maxMissedOffers(), QueueDefinition.MAX_MISSED_OFFERS, "maxMissedOffers", v);
		int wrapUp = range(d.wrapUpSeconds(), QueueDefinition.WRAP_UP_SECONDS, "wrapUpSeconds", v);
		int level = range(d.serviceLevelSeconds(), QueueDefinition.SERVICE_LEVEL_SECONDS, "serviceLevelSeconds", v);
		v.throwIfAny();
		return new Queue(key, d.name().strip(), d.description() == null || d.description().isBlank() ? null
				: d.description().strip(), d.groupKey(), d.media(), categories, skills,
				d.strategy() == null ? RoutingStrategy.MOST_SKILLED : d.strategy(), priority, Duration.ofSeconds(offer),
				missed, Duration.ofSeconds(wrapUp), Duration.ofSeconds(level), Boolean.TRUE.equals(d.defaultQueue()),
				version);
	}

	private static int range(Integer value, QueueDefinition.Limits limits, String field, Violations v) {
		int x = value == null ? limits.fallback() : value;
		v.check(x < limits.min() || x > limits.max(), field, "range",
				"must be between " + limits.min() + " and " + limits.max());
		return x;
	}
}
