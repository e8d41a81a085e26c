package dev.parley.pidf;

import static dev.parley.presence.PresenceFixtures.AGENT;
import static dev.parley.presence.PresenceFixtures.QUEUE;
import static dev.parley.presence.PresenceFixtures.T0;
import static dev.parley.presence.PresenceFixtures.chatIdle;
import static dev.parley.presence.PresenceFixtures.voiceOnThePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.parley.presence.Activity;
import dev.parley.presence.Contact;
import dev.parley.common.AddressKind;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceTuple;

class PidfCodecTests {

	static final String ENTITY = PresentityUrisTests.URIS.presUri(AGENT);

	final PidfCodec codec = new PidfCodec(PresentityUrisTests.URIS);

	@Test
	void writesPidfWithTheRfcNamespacesAndEntity() {
		String xml = codec.write(PresenceDocument.of(AGENT, voiceOnThePhone()));
		Schemas.assertValid(Schemas.PIDF, xml);
		assertThat(xml).contains("xmlns=\"urn:ietf:params:xml:ns:pidf\"")
			.contains("xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\"")
			.contains("entity=\"" + ENTITY + "\"")
			.contains("<tuple id=\"voice\"><status><basic>open</basic></status>")
			.contains("<contact priority=\"0.8\">sip:agent7@cc.example</contact>")
			.contains("<timestamp>2025-01-01T09:00:00Z</timestamp>")
			.doesNotContain("data-model")
			.doesNotContain("mustUnderstand");
	}

	@Test
	void roundTripsAMultiDeviceDocumentWithEveryKindOfMarkup() {
		PresenceDocument doc = new PresenceDocument(AGENT, List.of(voiceOnThePhone(), chatIdle(),
				PresenceTuple.open("video").withContact(new Contact(AddressKind.VIDEO, "sip:agent7-video@cc.example", 1.0)),
				PresenceTuple.closed("mail").withContact(new Contact(AddressKind.EMAIL, "mailto:a7@cc.example", 0.125)),
				PresenceTuple.open("phone").withContact(new Contact(AddressKind.PHONE, "tel:+441632960123"))
					.withActivities(Activity.WRAP_UP).withUntil(T0.plusSeconds(90)).withNote("Nachbearbeitung: Ärger, 続く")),
				Set.of(Activity.MEETING, Activity.PRESENTATION), "Training until 11 — back soon");
		String xml = codec.write(doc);
		Schemas.assertValid(Schemas.PIDF, xml);
		assertThat(codec.parse(xml)).isEqualTo(doc);
		assertThat(codec.parse(xml).tuples()).extracting(PresenceTuple::id)
			.containsExactly("voice", "chat", "video", "mail", "phone");
	}

	@Test
	void neverWritesACharacterXmlForbidsWhateverTheTextHolds() {
		String hostile = "a\u0000b\u001b[31mred\u0007\uD800 tab\tok \uD83D\uDE00 end\uFFFF";
		assertThat(XmlChars.clean(hostile))
			.isEqualTo("a\uFFFDb\uFFFD[31mred\uFFFD\uFFFD tab\tok \uD83D\uDE00 end\uFFFD");
	}

	@Test
	void aNoteThatIsNotTextIsRefusedNamingItsPlaceWhetherBuiltOrRead() {
		String hostile = "a\u0000b\u001b[31mred";
		assertThatThrownBy(() -> new PresenceDocument(AGENT, List.of(PresenceTuple.open("voice")), Set.of(), hostile))
			.isInstanceOfSatisfying(dev.parley.common.InvalidInputException.class,
					e -> assertThat(e.violations().get(0).field()).isEqualTo("person.note"));
		assertThatThrownBy(() -> PresenceTuple.open("voice").withNote("line one\nline two"))
			.isInstanceOfSatisfying(dev.parley.common.InvalidInputException.class,
					e -> assertThat(e.violations().get(0).field()).isEqualTo("tuple.note"));
		// legal XML, but not a one-line note: a PUBLISH carrying it is refused (SIP 400 naming the field)
		String xml = codec.write(PresenceDocument.of(AGENT, voiceOnThePhone()).withPerson(Set.of(), "PLACEHOLDER"))
			.replace("PLACEHOLDER", "in a\tmeeting\u0085");
		assertThatThrownBy(() -> codec.parse(xml)).isInstanceOfSatisfying(PidfException.class,
				e -> assertThat(e.getMessage()).startsWith("person.note: must not contain"));
	}

	@Test
	void roundTripsQueueFigures() {
		PresenceDocument doc = PresenceDocument.of(QUEUE, PresenceTuple.open("queue")
			.withFigures(Map.of("waiting", 5L, "agents-available", 3L, "wait-seconds", 120L)).withTimestamp(T0));
		String xml = codec.write(doc);
		Schemas.assertValid(Schemas.PIDF, xml);
		assertThat(xml).contains("<pc:figure name=\"waiting\">5</pc:figure>");
		assertThat(codec.parse(xml)).isEqualTo(doc);
	}

	@ParameterizedTest
	@EnumSource(Activity.class)
	void everyActivityMapsToRpidAndBack(Activity activity) {
		PresenceDocument doc = PresenceDocument.of(AGENT, PresenceTuple.open("voice").withActivities(activity))
			.withPerson(Set.of(activity), null);
		String xml = codec.write(doc);
		Schemas.assertValid(Schemas.PIDF, xml);
		assertThat(codec.parse(xml)).isEqualTo(doc);
	}

	@Test
	void contactCenterTermsTravelAsBusyWithOther() {
		String xml = codec.write(PresenceDocument.of(AGENT, PresenceTuple.open("voice").withActivities(Activity.RESERVED)));
		assertThat(xml).contains("<rpid:busy/>").contains("<rpid:other>reserved</rpid:other>");
	}

	@Test
	void neutralDocumentIsValidAndSaysClosedOnly() {
		String xml = codec.write(PresenceDocument.neutral(AGENT));
		Schemas.assertValid(Schemas.PIDF, xml);
		assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
				+ " entity=\"" + ENTITY + "\"><tuple id=\"presence\"><status><basic>closed</basic></status>"
				+ "</tuple></presence>");
	}

	@Test
	void readsTheDigestsMinimalDocumentWithPersonActivities() {
		PresenceDocument doc = codec.parse("""
				<?xml version="1.0" encoding="UTF-8"?>
				<presence xmlns="urn:ietf:params:xml:ns:pidf"
				          xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
				          xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
				          entity="sip:agent-7@cc.example">
				  <tuple id="voice-1">
				    <status><basic>open</basic></status>
				    <contact priority="0.8">sip:agent7@cc.example</contact>
				    <timestamp>2025-01-01T10:00:00+01:00</timestamp>
				  </tuple>
				  <dm:person id="p1">
				    <rpid:activities><rpid:on-the-phone/></rpid:activities>
				  </dm:person>
				</presence>
				""");
		assertThat(doc.entity().key()).isEqualTo("7");
		assertThat(doc.tuples()).singleElement().satisfies(t -> {
			assertThat(t.isOpen()).isTrue();
			assertThat(t.contact()).isEqualTo(new Contact(AddressKind.SIP, "sip:agent7@cc.example", 0.8));
			assertThat(t.timestamp()).isEqualTo(T0);
		});
		assertThat(doc.personActivities()).containsExactly(Activity.ON_THE_PHONE);
	}

	@Test
	void ignoresUnknownExtensionsButRefusesOnesThatMustBeUnderstood() {
		String body = """
				<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:x="urn:example:x" entity="%s">
				  <tuple id="t1"><status><basic>open</basic><x:mood %s>fine</x:mood></status></tuple>
				</presence>""";
		assertThat(codec.parse(body.formatted(ENTITY, "")).tuples()).hasSize(1);
		assertThatThrownBy(() -> codec.parse(body.formatted(ENTITY, "mustUnderstand=\"true\"")))
			.isInstanceOf(PidfException.class).hasMessageContaining("mustUnderstand");
		String qualified = body.replace("xmlns:x=", "xmlns:p=\"urn:ietf:params:xml:ns:pidf\" xmlns:x=");
		assertThatThrownBy(() -> codec.parse(qualified.formatted(ENTITY, "p:mustUnderstand=\"1\"")))
			.isInstanceOf(PidfException.class).hasMessageContaining("{urn:example:x}mood");
	}
}
