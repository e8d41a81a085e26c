package dev.parley.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.common.Medium;
import dev.parley.common.Violations;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueDefinition;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;

/**
 * The administrator's queue form as posted: numbers as text (blank takes the default), media and categories as
 * ticked boxes, required skills as rows {@code skills[i].key} and {@code skills[i].minLevel}; a row without a key
 * is ignored, so blank rows add a skill and clearing a row removes one.
 */
public class QueueForm {

	static final int BLANK_SKILL_ROWS = 2;

	public String key, name, description, groupKey, strategy = RoutingStrategy.MOST_SKILLED.name();
	public String priority, offerTimeoutSeconds, maxMissedOffers, wrapUpSeconds, serviceLevelSeconds;
	public List<String> media = new ArrayList<>();
	public List<String> categories = new ArrayList<>();
	public List<SkillRow> skills = new ArrayList<>();
	public boolean defaultQueue;
	public Long version;

	public static class SkillRow {
		public String key;
		public String minLevel = String.valueOf(RequiredSkill.MIN_LEVEL);

		public SkillRow() {
		}

		SkillRow(String key, int minLevel) {
			this.key = key;
			this.minLevel = String.valueOf(minLevel);
		}
	}

	/** A new queue's form, showing the defaults it would take. */
	static QueueForm blank() {
		var f = new QueueForm();
		f.priority = String.valueOf(QueueDefinition.PRIORITY.fallback());
		f.offerTimeoutSeconds = String.valueOf(QueueDefinition.OFFER_TIMEOUT_SECONDS.fallback());
		f.maxMissedOffers = String.valueOf(QueueDefinition.MAX_MISSED_OFFERS.fallback());
		f.wrapUpSeconds = String.valueOf(QueueDefinition.WRAP_UP_SECONDS.fallback());
		f.serviceLevelSeconds = String.valueOf(QueueDefinition.SERVICE_LEVEL_SECONDS.fallback());
		return f.withBlankRows();
	}

	static QueueForm of(Queue q) {
		var f = new QueueForm();
		f.key = q.key();
		f.name = q.name();
		f.description = q.description();
		f.groupKey = q.groupKey();
		f.strategy = q.strategy().name();
		f.priority = String.valueOf(q.priority());
		f.offerTimeoutSeconds = String.valueOf(q.offerTimeout().toSeconds());
		f.maxMissedOffers = String.valueOf(q.maxMissedOffers());
		f.wrapUpSeconds = String.valueOf(q.wrapUpLimit().toSeconds());
		f.serviceLevelSeconds = String.valueOf(q.serviceLevelTarget().toSeconds());
		q.mediaInOrder().forEach(m -> f.media.add(m.name()));
		f.categories.addAll(q.categories());
		q.skills().forEach(s -> f.skills.add(new SkillRow(s.key(), s.minLevel())));
		f.defaultQueue = q.defaultQueue();
		f.version = q.version();
		return f.withBlankRows();
	}

	/** Tops the skill rows up so that {@link #BLANK_SKILL_ROWS} empty ones follow the filled ones. */
	QueueForm withBlankRows() {
		long blanks = skills.stream().filter(s -> ProfileForms.blank(s.key)).count();
		for (long i = blanks; i < BLANK_SKILL_ROWS; i++) {
			skills.add(new SkillRow());
		}
		return this;
	}

	/**
	 * The definition to hand to routing, with the form row each of its skills came from. A medium or strategy that
	 * is none of the choices (only a forged request sends one) is refused here; a number that is not a whole number
	 * goes on as one outside every range, so the domain names its range.
	 */
	Parsed parse() {
		var v = new Violations();
		Set<Medium> chosenMedia = new LinkedHashSet<>();
		media.forEach(m -> {
			Medium medium = ProfileForms.parse(m, Medium::valueOf, null);
			v.check(medium == null, "media", "invalid", "must be chat, voice, email or video");
			chosenMedia.add(medium);
		});
		chosenMedia.remove(null);
		RoutingStrategy chosen = ProfileForms.parse(strategy, RoutingStrategy::valueOf, null);
		v.check(!ProfileForms.blank(strategy) && chosen == null, "strategy", "invalid", "must be one of the strategies");
		List<RequiredSkill> required = new ArrayList<>();
		Map<Integer, Integer> rows = new LinkedHashMap<>();
		for (int i = 0; i < skills.size(); i++) {
			SkillRow row = skills.get(i);
			if (row != null && !ProfileForms.blank(row.key)) {
				rows.put(required.size(), i);
				required.add(new RequiredSkill(row.key.strip(), number(row.minLevel, RequiredSkill.MIN_LEVEL)));
			}
		}
		v.throwIfAny();
		var definition = new QueueDefinition(name, description, ProfileForms.blank(groupKey) ? null : groupKey,
				chosenMedia, new LinkedHashSet<>(categories), required, chosen, number(priority, null),
				number(offerTimeoutSeconds, null), number(maxMissedOffers, null), number(wrapUpSeconds, null),
				number(serviceLevelSeconds, null), defaultQueue);
		return new Parsed(definition, rows);
	}

	/** What {@link #parse()} makes of the form; {@code skillRows} maps a skill's index to its form row. */
	record Parsed(QueueDefinition definition, Map<Integer, Integer> skillRows) {

		/** The domain's field messages, with skills renamed from their index in the definition to their form row. */
		Map<String, String> errors(dev.parley.common.InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			FieldErrors.of(e).forEach((field, message) -> errors.putIfAbsent(formField(field), message));
			return errors;
		}

		private String formField(String field) {
			var m = java.util.regex.Pattern.compile("skills\\[(\\d+)](.*)").matcher(field);
			if (!m.matches()) {
				return field;
			}
			int row = skillRows.getOrDefault(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(1)));
			return "skills[" + row + "]" + m.group(2);
		}
	}

	private static Integer number(String text, Integer blank) {
		if (ProfileForms.blank(text)) {
			return blank;
		}
		return ProfileForms.parse(text, Integer::valueOf, Integer.MIN_VALUE);
	}
}
