package dev.parley.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.ClosureEntry;
import dev.parley.agent.HoursEntry;
import dev.parley.common.Medium;
import dev.parley.agent.NewAgent;
import dev.parley.agent.NewGroup;
import dev.parley.agent.Skill;

/**
 * Three agent groups in different time zones (care open round the clock) and ten agents, agent1..agent10, with
 * skills and languages (English at 4 or 5 for everyone), each handling chat (three at once) and some other media.
 */
@Component
class AgentSeeder implements DemoSeeder {

	private static final String[] NAMES = { "Ana Lima", "Ben Okafor", "Chloé Martin", "Dmitri Volkov",
			"Elif Yılmaz", "Femi Adeyemi", "Grace Chen", "Hugo Schmidt", "Ines García", "Jonas Berg" };

	private static final String[] LANGUAGES = { "lang:en", "lang:de", "lang:fr", "lang:es", "lang:pt" };

	private static final String[] GROUPS = { "sales", "support", "care" };

	private final AgentManagement agents;

	AgentSeeder(AgentManagement agents) {
		this.agents = agents;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void seed(DemoDataset dataset) {
		group(dataset, new NewGroup("sales", "Sales", "Advice before you buy, offers and orders.",
				EnumSet.of(Medium.CHAT, Medium.VOICE, Medium.EMAIL), "Europe/Berlin",
				weekdays("09:00", "18:00", new HoursEntry("SATURDAY", "10:00", "14:00")),
				List.of(new ClosureEntry("2026-12-25", "Christmas Day"), new ClosureEntry("2026-12-26", "Boxing Day"))));
		group(dataset, new NewGroup("support", "Technical support", "Set-up, faults and repairs of your devices.",
				EnumSet.allOf(Medium.class), "America/New_York",
				weekdays("08:00", "20:00", new HoursEntry("SUNDAY", "12:00", "16:00")),
				List.of(new ClosureEntry("2026-11-26", "Thanksgiving"))));
		// round the clock, every day: whenever someone tries the demo, a chat can reach an agent
		group(dataset, new NewGroup("care", "Customer care", "Billing, returns, contracts and complaints, round the clock.",
				EnumSet.of(Medium.CHAT, Medium.EMAIL, Medium.VOICE), "Asia/Singapore", allDay(), List.of()));
		var random = new Random(30);
		for (int i = 0; i < NAMES.length; i++) {
			hire(dataset, i, random);
		}
	}

	private void group(DemoDataset dataset, NewGroup group) {
		agents.createGroup(group, null);
		dataset.agentGroups.add(new DemoDataset.Named(
				UUID.nameUUIDFromBytes(("agent-group:" + group.key()).getBytes(StandardCharsets.UTF_8)), group.key()));
	}

	private void hire(DemoDataset dataset, int i, Random random) {
		String username = "agent" + (i + 1);
		String group = GROUPS[i % GROUPS.length];
		var agent = agents.hire(new NewAgent(username, DemoDataset.PASSWORD, NAMES[i], group, skills(dataset, random),
				media(random)), null);
		dataset.agents.add(new DemoDataset.Named(agent.id().value(), agent.displayName()));
		dataset.signIns.add(new DemoDataset.SignIn("agent", username, NAMES[i] + ", " + group));
	}

	private static List<Skill> skills(DemoDataset dataset, Random random) {
		List<Skill> skills = new ArrayList<>();
		var keys = new java.util.LinkedHashSet<String>();
		dataset.categoryKeys.stream().filter(k -> k.matches("[a-z][a-z0-9-]{0,29}")).forEach(keys::add);
		keys.addAll(List.of("billing", "returns"));
		List<String> topics = new ArrayList<>(keys);
		for (int k = 0; k < 3 && !topics.isEmpty(); k++) {
			skills.add(new Skill(topics.remove(random.nextInt(topics.size())), 1 + random.nextInt(5)));
		}
		skills.add(new Skill("lang:en", 4 + random.nextInt(2)));
		String second = LANGUAGES[1 + random.nextInt(LANGUAGES.length - 1)];
		skills.add(new Skill(second, 3 + random.nextInt(3)));
		return skills;
	}

	private static Set<Medium> media(Random random) {
		Set<Medium> media = EnumSet.of(Medium.CHAT);
		for (Medium m : Medium.values()) {
			if (random.nextBoolean()) {
				media.add(m);
			}
		}
		return media;
	}

	private static List<HoursEntry> weekdays(String open, String close, HoursEntry extra) {
		List<HoursEntry> hours = new ArrayList<>();
		for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) {
			hours.add(new HoursEntry(day, open, close));
		}
		hours.add(extra);
		return hours;
	}

	private static List<HoursEntry> allDay() {
		List<HoursEntry> hours = new ArrayList<>();
		for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
			hours.add(new HoursEntry(day, "00:00", "24:00"));
		}
		return hours;
	}
}
