package dev.parley.customer;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.TokenManagement;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/** Every invalid field of every section: 400 naming the field, and the profile unchanged afterwards. */
@ParleyIntegrationTest
class CustomerProfileInvalidInputApiTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AttributeManagement attributes;

	@Autowired
	TokenManagement tokens;

	ApiClient api;

	CustomerFixtures.Customer me;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		me = CustomerFixtures.registered(customers, tokens);
	}

	@Test
	void refusesEachInvalidDemographicsField() {
		int nextYear = java.time.Year.now().getValue() + 1;
		rejects("demographics", s -> s.put("name", " "), "name");
		rejects("demographics", s -> s.put("name", "x".repeat(121)), "name");
		rejects("demographics", s -> s.put("preferredLanguage", "qq"), "preferredLanguage");
		rejects("demographics", s -> s.put("preferredLanguage", "not a tag"), "preferredLanguage");
		rejects("demographics", s -> s.put("locale", "en-ZZ"), "locale");
		rejects("demographics", s -> s.put("timeZone", "Mars/Olympus_Mons"), "timeZone");
		rejects("demographics", s -> s.putNull("timeZone"), "timeZone");
		rejects("demographics", s -> s.put("country", "XX"), "country");
		rejects("demographics", s -> s.put("birthYear", 1899), "birthYear");
		rejects("demographics", s -> s.put("birthYear", nextYear), "birthYear");
		rejects("demographics", s -> s.put("birthYear", "nineteen"), "birthYear");
		rejects("demographics", s -> s.putObject("attributes").put("no_such_thing", "x"), "attributes.no_such_thing");
	}

	@Test
	void refusesAttributeValuesThatBreakTheirDefinition() {
		String number = key(), choice = key(), required = key(), date = key(), flag = key(), text = key();
		try {
			attributes.add(null, new AttributeDefinition(number, "Number", AttributeType.NUMBER, false, null, null));
			attributes.add(null, new AttributeDefinition(choice, "Choice", AttributeType.CHOICE, false, null, List.of("a", "b")));
			attributes.add(null, new AttributeDefinition(date, "Date", AttributeType.DATE, false, null, null));
			attributes.add(null, new AttributeDefinition(flag, "Flag", AttributeType.BOOLEAN, false, null, null));
			attributes.add(null, new AttributeDefinition(text, "Text", AttributeType.TEXT, false, 5, null));
			rejects("demographics", s -> s.putObject("attributes").put(number, "twelve"), "attributes." + number);
			rejects("demographics", s -> s.putObject("attributes").put(choice, "c"), "attributes." + choice);
			rejects("demographics", s -> s.putObject("attributes").put(date, "31.12.2024"), "attributes." + date);
			rejects("demographics", s -> s.putObject("attributes").put(flag, "yes"), "attributes." + flag);
			rejects("demographics", s -> s.putObject("attributes").put(text, "too long"), "attributes." + text);
			attributes.add(null, new AttributeDefinition(required, "Required", AttributeType.TEXT, true, null, null));
			rejects("demographics", s -> s.putObject("attributes"), "attributes." + required);
		}
		finally {
			for (String k : List.of(number, choice, required, date, flag, text)) {
				attributes.list().stream().filter(d -> d.key().equals(k)).forEach(d -> attributes.delete(null, k));
			}
		}
	}

	@Test
	void refusesEachInvalidCapability() {
		rejects("capabilities", s -> cap(s, "PHONE", "12345"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "PHONE", "+0 44 668 18 00"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "PHONE", "+1234567890123456"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "PHONE", " "), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "PHONE", "+44 7700 (0) 900123"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "PHONE", "+44 (0 7700 900123"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "SIP", "cora@example.com"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "SIP", "sip:example.com"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, "EMAIL", "cora.example.com"), "capabilities[0].address");
		rejects("capabilities", s -> cap(s, null, "x"), "capabilities[0].kind");
		rejects("capabilities", s -> cap(s, "FAX", "+41446681800"), "capabilities[0].kind");
		rejects("capabilities", s -> s.put("preferredMedium", "VIDEO"), "preferredMedium");
		rejects("capabilities", s -> {
			var list = s.putArray("capabilities");
			for (int i = 0; i < 11; i++) {
				list.addObject().put("kind", "CHAT").put("enabled", true);
			}
			s.putNull("preferredMedium");
		}, "capabilities");
	}

	@Test
	void refusesEachInvalidAgendaEntry() {
		rejects("agenda", s -> window(s, "MONDAY", "12:00", "09:00"), "windows[0].end");
		rejects("agenda", s -> window(s, null, "09:00", "12:00"), "windows[0].dayOfWeek");
		rejects("agenda", s -> window(s, "MONDAY", null, "12:00"), "windows[0].start");
		rejects("agenda", s -> window(s, "MONDAY", "25:00", "26:00"), "windows[0].start");
		rejects("agenda", s -> {
			window(s, "MONDAY", "09:00", "12:00");
			((tools.jackson.databind.node.ArrayNode) s.get("windows")).addObject().put("dayOfWeek", "MONDAY")
				.put("start", "11:00").put("end", "13:00");
		}, "windows[1].start");
		rejects("agenda", s -> exception(s).remove("kind"), "exceptions[0].kind");
		rejects("agenda", s -> exception(s).remove("date"), "exceptions[0].date");
		rejects("agenda", s -> exception(s).put("start", "10:00"), "exceptions[0].end");
		rejects("agenda", s -> exception(s).put("start", "10:00").put("end", "09:00"), "exceptions[0].end");
		rejects("agenda", s -> exception(s).put("note", "n".repeat(201)), "exceptions[0].note");
		rejects("agenda", s -> exception(s).put("date", "2030-02-30"), "exceptions[0].date");
		rejects("agenda", s -> exception(s).put("date", "0001-01-01"), "exceptions[0].date");
		rejects("agenda", s -> exception(s).put("date", "+99999-01-01"), "exceptions[0].date");
		rejects("agenda", s -> exception(s).put("date", "99999-01-01"), "exceptions[0].date");
	}

	@Test
	void refusesEachInvalidInterest() {
		rejects("interests", s -> interest(s).put("categoryKey", "no-such-category"), "interests[0].categoryKey");
		rejects("interests", s -> interest(s).put("topic", "t").put("categoryKey", "x"), "interests[0].topic");
		rejects("interests", s -> interest(s).remove("topic"), "interests[0].topic");
		rejects("interests", s -> interest(s).put("topic", "t".repeat(81)), "interests[0].topic");
		rejects("interests", s -> interest(s).remove("level"), "interests[0].level");
		rejects("interests", s -> interest(s).put("level", "EXTREME"), "interests[0].level");
		rejects("interests", s -> {
			interest(s);
			((tools.jackson.databind.node.ArrayNode) s.get("interests")).addObject().put("topic", "Gardening ")
				.put("level", "HIGH");
		}, "interests[1].topic");
	}

	void rejects(String section, Consumer<ObjectNode> change, String field) {
		ProfileAssertions.rejects(api, me.token(), section, change, field);
	}

	static String key() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	static void cap(ObjectNode s, String kind, String address) {
		var entry = s.putArray("capabilities").addObject().put("address", address).put("enabled", true);
		if (kind != null) {
			entry.put("kind", kind);
		}
		s.putNull("preferredMedium");
	}

	static void window(ObjectNode s, String day, String start, String end) {
		var w = s.putArray("windows").addObject().put("start", start).put("end", end);
		if (day != null) {
			w.put("dayOfWeek", day);
		}
	}

	static ObjectNode exception(ObjectNode s) {
		return s.putArray("exceptions").addObject().put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(2).toString()).put("kind", "FREE");
	}

	static ObjectNode interest(ObjectNode s) {
		return s.putArray("interests").addObject().put("topic", "gardening").put("level", "LOW");
	}
}
