package dev.parley.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.agent.internal.AgentStore;
import dev.parley.agent.internal.GroupStore;
import dev.parley.common.AgentId;
import dev.parley.common.ConflictException;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.NewAccount;
import dev.parley.identity.Role;

/** Hires agents and manages agent groups: their media, opening hours and closures. */
@Service
public class AgentManagement {

	private final GroupStore groups;
	private final AgentStore agents;
	private final IdentityManagement identity;
	private final AuditLog audit;

	AgentManagement(GroupStore groups, AgentStore agents, IdentityManagement identity, AuditLog audit) {
		this.groups = groups;
		this.agents = agents;
		this.identity = identity;
		this.audit = audit;
	}

	public List<AgentGroup> groups() {
		return groups.all();
	}

	public AgentGroup group(String key) {
		return groups.find(key).orElseThrow(() -> new NotFoundException("agent group"));
	}

	public boolean isOpenAt(String groupKey, Instant instant) {
		return group(groupKey).isOpenAt(instant);
	}

	@Transactional
	public AgentGroup createGroup(NewGroup request, AccountId actor) {
		var v = new Violations();
		v.check(request.key() == null || !AgentRules.GROUP_KEY.matcher(request.key()).matches(), "key", "pattern",
				"must be 2 to 40 lowercase letters, digits or -");
		AgentRules.groupFields(request.name(), request.description(), request.media(), v).throwIfAny();
		var schedule = ScheduleRules.parse(request.timeZone(), request.hours(), request.closures());
		if (groups.find(request.key()).isPresent()) {
			throw new ConflictException("key-taken", "an agent group with this key exists");
		}
		var group = new AgentGroup(request.key(), request.name().strip(), blankToNull(request.description()),
				request.media(), schedule, 0);
		groups.insert(group);
		audit.record(AuditChange.of(actor, null, "group", group.key(), "create").field("name", null, group.name()));
		return group;
	}

	@Transactional
	public AgentGroup updateGroup(String key, String name, String description, Set<Medium> media, Long version,
			AccountId actor) {
		AgentRules.groupFields(name, description, media, versionGiven(version)).throwIfAny();
		var current = current(key, version);
		var changed = new AgentGroup(key, name.strip(), blankToNull(description), media, current.schedule(),
				current.version() + 1);
		save(changed, current.version());
		var change = AuditChange.of(actor, null, "group", key, "update");
		recordIfChanged(change.field("name", current.name(), changed.name()));
		recordIfChanged(change.field("description", current.description(), changed.description()));
		recordIfChanged(change.field("media", current.mediaInOrder(), changed.mediaInOrder()));
		return changed;
	}

	/** Replaces a group's time zone, weekly hours and closures; each changed part is audited. */
	@Transactional
	public AgentGroup setOpeningHours(String key, String timeZone, List<HoursEntry> hours,
			List<ClosureEntry> closures, Long version, AccountId actor) {
		versionGiven(version).throwIfAny();
		var schedule = ScheduleRules.parse(timeZone, hours, closures);
		var current = current(key, version);
		var changed = new AgentGroup(key, current.name(), current.description(), current.media(), schedule,
				current.version() + 1);
		save(changed, current.version());
		var change = AuditChange.of(actor, null, "group", key, "opening-hours");
		var before = current.schedule();
		recordIfChanged(change.field("timeZone", before.zone().getId(), schedule.zone().getId()));
		recordIfChanged(change.field("hours", before.describeHours(), schedule.describeHours()));
		recordIfChanged(change.field("closures", before.describeClosures(), schedule.describeClosures()));
		return changed;
	}

	@Transactional
	public void deleteGroup(String key, Long version, AccountId actor) {
		versionGiven(version).throwIfAny();
		var current = current(key, version);
		if (agents.countInGroup(key) > 0) {
			throw new ConflictException("group-not-empty", "the group still has agents");
		}
		if (!groups.delete(key, current.version())) {
			throw ConflictException.stale("The agent group");
		}
		audit.record(AuditChange.of(actor, null, "group", key, "delete").field("name", current.name(), null));
	}

	/** Opens the agent's account (role AGENT) and the agent together: both or neither. */
	@Transactional
	public Agent hire(NewAgent request, AccountId actor) {
		var v = new Violations();
		v.check(request.groupKey() == null || groups.find(request.groupKey()).isEmpty(), "groupKey", "unknown",
				"must be an existing agent group");
		v.check(request.media() == null || request.media().isEmpty(), "media", "required",
				"must handle at least one medium");
		AgentRules.skills(request.skills(), v).throwIfAny();
		Account account = identity.open(AccountId.random(),
				new NewAccount(request.username(), request.password(), request.displayName(), Role.AGENT));
		var capacities = new java.util.EnumMap<Medium, Integer>(Medium.class);
		request.media().forEach(m -> capacities.put(m, Agent.defaultCapacity(m)));
		var row = new AgentStore.Row(new AgentId(account.id().value()), request.groupKey(), capacities,
				request.skills() == null ? List.of() : request.skills());
		agents.insert(row);
		audit.record(AuditChange.of(actor, null, "agent", row.id().toString(), "hire")
			.field("group", null, row.groupKey()));
		return agent(row);
	}

	public Agent agent(AgentId id) {
		return agents.find(id).map(this::agent).orElseThrow(() -> new NotFoundException("agent"));
	}

	/** Agents, of one group or (null) all, by display name. */
	public List<Agent> agents(String groupKey) {
		return agents.all(groupKey).stream().map(this::agent)
			.sorted(java.util.Comparator.comparing(Agent::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
	}

	private Agent agent(AgentStore.Row row) {
		String name = identity.find(new AccountId(row.id().value())).map(Account::displayName).orElse("Unknown");
		return new Agent(row.id(), name, row.groupKey(), row.skills(), row.capacities());
	}

	private AgentGroup current(String key, Long version) {
		var current = group(key);
		if (current.version() != version.longValue()) {
			throw ConflictException.stale("The agent group");
		}
		return current;
	}

	private void save(AgentGroup changed, long expectedVersion) {
		if (!groups.update(changed, expectedVersion)) {
			throw ConflictException.stale("The agent group");
		}
	}

	private void recordIfChanged(AuditChange change) {
		if (!Objects.equals(change.oldValue(), change.newValue())) {
			audit.record(change);
		}
	}

	private static Violations versionGiven(Long version) {
		return new Violations().check(version == null, "version", "required", "must be given");
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
