package dev.parley.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.parley.customer.Agenda;
import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.AttributeManagement;
import dev.parley.customer.AttributeType;
import dev.parley.customer.AvailabilityWindow;
import dev.parley.customer.Capabilities;
import dev.parley.customer.Capability;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.CustomerProfile;
import dev.parley.customer.DatedException;
import dev.parley.customer.Demographics;
import dev.parley.customer.ExceptionKind;
import dev.parley.customer.Interest;
import dev.parley.customer.InterestLevel;
import dev.parley.customer.Interests;
import dev.parley.common.AddressKind;
import dev.parley.common.Medium;
import dev.parley.customer.Registration;
import dev.parley.identity.AccountId;

/** Twenty customers from around the world, with capabilities, agendas, interests and two custom attributes. */
@Component
class CustomerSeeder implements DemoSeeder {

	private record Person(String username, String name, String country, String zone, String language, String locale,
			String phone) {
	}

	private static final List<Person> PEOPLE = List.of(
			new Person("alice", "Alice Martin", "GB", "Europe/London", "en", "en-GB", "+447700900123"),
			new Person("bob", "Bob Schneider", "DE", "Europe/Berlin", "de", "de-DE", "+4915112345678"),
			new Person("carol", "Carol Dubois", "FR", "Europe/Paris", "fr", "fr-FR", "+33612345678"),
			new Person("dave", "Dave Johnson", "US", "America/New_York", "en", "en-US", "+12125550100"),
			new Person("erin", "Erin Walsh", "IE", "Europe/Dublin", "en", "en-IE", "+353851234567"),
			new Person("frank", "Frank Rossi", "IT", "Europe/Rome", "it", "it-IT", "+393471234567"),
			new Person("grace", "Grace Silva", "BR", "America/Sao_Paulo", "pt-BR", "pt-BR", "+5511912345678"),
			new Person("heidi", "Heidi Keller", "CH", "Europe/Zurich", "de", "de-CH", "+41791234567"),
			new Person("ivan", "Ivan Petrov", "BG", "Europe/Sofia", "bg", "bg-BG", "+359881234567"),
			new Person("judy", "Judy Chen", "SG", "Asia/Singapore", "en", "en-SG", "+6581234567"),
			new Person("mallory", "Mallory Brooks", "CA", "America/Toronto", "en", "en-CA", "+14165550123"),
			new Person("niaj", "Niaj Rahman", "IN", "Asia/Kolkata", "hi", "en-IN", "+919812345678"),
			new Person("olivia", "Olivia Novak", "CZ", "Europe/Prague", "cs", "cs-CZ", "+420601234567"),
			new Person("peggy", "Peggy Tanaka", "JP", "Asia/Tokyo", "ja", "ja-JP", "+819012345678"),
			new Person("rupert", "Rupert Evans", "AU", "Australia/Sydney", "en", "en-AU", "+61412345678"),
			new Person("sybil", "Sybil Garcia", "ES", "Europe/Madrid", "es", "es-ES", "+34612345678"),
			new Person("trent", "Trent Nielsen", "DK", "Europe/Copenhagen", "da", "da-DK", "+4520123456"),
			new Person("victor", "Victor Hernández", "MX", "America/Mexico_City", "es", "es-MX", "+525512345678"),
			new Person("walter", "Walter de Vries", "NL", "Europe/Amsterdam", "nl", "nl-NL", "+31612345678"),
			new Person("yvonne", "Yvonne Mbeki", "ZA", "Africa/Johannesburg", "en", "en-ZA", "+27821234567"));

	private static final List<String> TIERS = List.of("bronze", "silver", "gold", "platinum");
	private static final List<String> COMPANIES = List.of("Acme Ltd", "Globex", "Initech", "Umbrella", "Hooli");
	private static final List<String> TOPICS = List.of("fibre internet", "roaming abroad", "smart home",
			"family plans", "accessibility", "solar power", "gaming");

	private final CustomerManagement customers;
	private final AttributeManagement attributes;

	CustomerSeeder(CustomerManagement customers, AttributeManagement attributes) {
		this.customers = customers;
		this.attributes = attributes;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public void seed(DemoDataset dataset) {
		var admin = dataset.administrator == null ? null : new AccountId(dataset.administrator);
		attributes.add(admin, new AttributeDefinition("loyalty_tier", "Loyalty tier", AttributeType.CHOICE, false, null,
				TIERS));
		attributes.add(admin, new AttributeDefinition("company", "Company", AttributeType.TEXT, false, 80, null));
		var random = new Random(40);
		for (Person person : PEOPLE) {
			var profile = customers.register(new Registration(person.username(), person.name(),
					person.username() + "@example.com", DemoDataset.PASSWORD, person.zone()));
			fill(profile, person, random, dataset.categoryKeys);
			dataset.customers.add(new DemoDataset.Named(profile.id().value(), person.name()));
			dataset.signIns.add(new DemoDataset.SignIn("customer", person.username(),
					person.name() + ", " + person.country() + ", " + person.zone()));
		}
	}

	private void fill(CustomerProfile profile, Person p, Random random, List<String> categories) {
		var id = profile.id();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("loyalty_tier", TIERS.get(random.nextInt(TIERS.size())));
		if (random.nextBoolean()) {
			values.put("company", COMPANIES.get(random.nextInt(COMPANIES.size())));
		}
		customers.updateDemographics(id, new Demographics(p.name(), p.language(), p.locale(), p.zone(), p.country(),
				1950 + random.nextInt(55), values, profile.demographics().version()));
		customers.updateCapabilities(id, capabilities(profile, p, random));
		customers.updateAgenda(id, agenda(random, profile.agenda().version()));
		customers.updateInterests(id, interests(random, categories, profile.interests().version()));
	}

	private static Capabilities capabilities(CustomerProfile profile, Person p, Random random) {
		List<Capability> list = new ArrayList<>(profile.capabilities().capabilities());
		list.add(new Capability(AddressKind.PHONE, p.phone(), true));
		list.add(new Capability(AddressKind.CHAT, null, true));
		if (random.nextInt(3) == 0) {
			list.add(new Capability(AddressKind.SIP, "sip:" + p.username() + "@voip.example.com", true));
		}
		if (random.nextBoolean()) {
			list.add(new Capability(AddressKind.VIDEO, null, random.nextBoolean()));
		}
		var preferred = List.of(Medium.EMAIL, Medium.VOICE, Medium.CHAT).get(random.nextInt(3));
		return new Capabilities(list, preferred, profile.capabilities().version());
	}

	private static Agenda agenda(Random random, long version) {
		List<AvailabilityWindow> windows = new ArrayList<>();
		int startHour = 8 + random.nextInt(4);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			if (random.nextInt(4) > 0) {
				windows.add(new AvailabilityWindow(day, LocalTime.of(startHour, 0), LocalTime.of(startHour + 3, 0)));
				windows.add(new AvailabilityWindow(day, LocalTime.of(18, 0), LocalTime.of(20, 30)));
			}
		}
		if (random.nextBoolean()) {
			windows.add(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)));
		}
		var soon = LocalDate.now().plusDays(3 + random.nextInt(10));
		var exceptions = List.of(new DatedException(soon, null, null, ExceptionKind.BUSY, "away"),
				new DatedException(soon.plusDays(2), LocalTime.of(13, 0), LocalTime.of(15, 0), ExceptionKind.FREE,
						"free afternoon"));
		return new Agenda(windows, exceptions, version);
	}

	private static Interests interests(Random random, List<String> categories, long version) {
		List<Interest> list = new ArrayList<>();
		var levels = InterestLevel.values();
		List<String> pool = new ArrayList<>(categories);
		for (int i = 0; i < Math.min(pool.size(), 1 + random.nextInt(3)); i++) {
			list.add(new Interest(pool.remove(random.nextInt(pool.size())), null, levels[random.nextInt(levels.length)]));
		}
		list.add(new Interest(null, TOPICS.get(random.nextInt(TOPICS.size())), levels[random.nextInt(levels.length)]));
		return new Interests(list, random.nextInt(3) > 0, null, version);
	}
}
