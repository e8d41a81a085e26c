package dev.parley.pidf;

import static dev.parley.presence.PresenceFixtures.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Hostile and broken PUBLISH bodies end in a PidfException that names the problem. */
class PidfParsingSafetyTests {

	static final String ENTITY = PresentityUrisTests.URIS.presUri(AGENT);

	final PidfCodec codec = new PidfCodec(PresentityUrisTests.URIS);

	@Test
	void refusesExternalEntities() {
		PidfException e = refused("""
				<?xml version="1.0"?>
				<!DOCTYPE presence [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="%s">
				  <tuple id="t1"><status><basic>open</basic></status><note>&xxe;</note></tuple>
				</presence>""".formatted(ENTITY));
		assertThat(e.violations().get(0).code()).isEqualTo("doctype");
		assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:");
	}

	@Test
	void refusesBillionLaughs() {
		PidfException e = refused("""
				<?xml version="1.0"?>
				<!DOCTYPE lolz [
				 <!ENTITY lol "lol">
				 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
				]>
				<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:agent-1@x"><note>&lol4;</note></presence>""");
		assertThat(e.violations().get(0).code()).isEqualTo("doctype");
	}

	@Test
	void refusesAnUndeclaredEntityAndKeepsThePredefinedOnes() {
		PidfException e = refused("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\"><tuple id=\"t\">"
				+ "<status><basic>open</basic></status><note>&secret;</note></tuple></presence>");
		assertThat(e.violations().get(0).code()).isEqualTo("malformed");
		var doc = new PidfCodec(PresentityUrisTests.URIS).parse(("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\"><tuple id=\"t\">"
				+ "<status><basic>open</basic></status><note>a &amp; b &#233;</note></tuple></presence>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(doc.tuples().get(0).note()).isEqualTo("a & b \u00e9");
	}

	@Test
	void refusesMalformedXmlNamingTheLine() {
		PidfException e = refused("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\">\n<tuple id=\"t\">");
		assertThat(e.violations().get(0).code()).isEqualTo("malformed");
		assertThat(e.getMessage()).contains("not well-formed").contains("line 2");
	}

	@Test
	void refusesBodiesOver64KiB() {
		String big = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\"><note>"
				+ "x".repeat(PidfCodec.MAX_BYTES) + "</note></presence>";
		assertThat(refused(big).violations().get(0).code()).isEqualTo("too-large");
	}

	@Test
	void refusesEmptyBodies() {
		assertThat(refused("").violations().get(0).code()).isEqualTo("required");
	}

	@Test
	void refusesAnotherRootOrNamespace() {
		assertThat(refused("<presence entity=\"pres:agent-1@x\"/>").violations().get(0).field()).isEqualTo("presence");
	}

	@Test
	void refusesAMissingEntityOrOneThatIsNotAPresentity() {
		assertThat(refused("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>").violations().get(0).field())
			.isEqualTo("entity");
		assertThat(refused("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:bob@x\"/>").violations()
			.get(0).field()).isEqualTo("entity");
	}

	@Test
	void refusesTuplesWithoutAValidIdOrAStatus() {
		String doc = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\">%s</presence>";
		assertThat(refused(doc.formatted("<tuple><status><basic>open</basic></status></tuple>")).violations().get(0)
			.field()).isEqualTo("tuple.id");
		assertThat(refused(doc.formatted("<tuple id=\"1t\"><status><basic>open</basic></status></tuple>"))
			.violations().get(0).code()).isEqualTo("invalid");
		assertThat(refused(doc.formatted("<tuple id=\"1t\"><status><basic>unknown</basic></status></tuple>"))
			.violations().get(0).code()).isEqualTo("invalid");
		assertThat(refused(doc.formatted("<tuple id=\"t\"></tuple>")).violations().get(0).field())
			.isEqualTo("tuple.status");
	}

	@Test
	void leavesOutTuplesWhoseBasicStatusIsNeitherOpenNorClosedAndReadsTheRest() {
		String doc = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\">%s"
				+ "<tuple id=\"ok\"><status><basic>closed</basic></status></tuple></presence>";
		for (String status : new String[] { "<status><basic>unknown</basic></status>", "<status/>",
				"<status><basic>Open</basic></status>" }) {
			var reading = codec.read(doc.formatted("<tuple id=\"t\">" + status + "</tuple>").getBytes(),
					PresentityUris::parse);
			assertThat(reading.leftOut()).as(status).containsExactly("t");
			assertThat(reading.document().tuples()).extracting(t -> t.id()).containsExactly("ok");
		}
	}

	@Test
	void refusesBadPrioritiesAndTimestamps() {
		String doc = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:agent-1@x\"><tuple id=\"t\">"
				+ "<status><basic>open</basic></status>%s</tuple></presence>";
		assertThat(refused(doc.formatted("<contact priority=\"2\">sip:a@b</contact>")).violations().get(0).field())
			.isEqualTo("contact.priority");
		assertThat(refused(doc.formatted("<timestamp>yesterday</timestamp>")).violations().get(0).field())
			.isEqualTo("tuple.timestamp");
	}

	private PidfException refused(String body) {
		PidfException e = catchThrowableOfType(() -> codec.parse(body), PidfException.class);
		assertThat(e).as("expected a PidfException").isNotNull();
		return e;
	}
}
