package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Presence;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;
import dev.parley.testing.AccountFixtures;

/** Every refusal sipp can provoke gets the protocol's own answer, and the state stays as it was. */
@SipTest
class SipErrorTests {

	@Value("${parley.sip.port}")
	int sipPort;

	@Autowired
	Presence presence;

	@Autowired
	IdentityManagement identity;

	Account agent;

	PresentityId presentity;

	PresenceDocument before;

	@BeforeEach
	void agentWithState() {
		agent = AccountFixtures.account(identity, Role.AGENT);
		presentity = PresentityId.agent(agent.id().value());
		presence.setStatus(presentity, "voice", BasicStatus.OPEN);
		before = presence.current(presentity).orElseThrow();
	}

	@Test
	void unknownEventPackageIs489WithAllowEvents() {
		expect("expect.xml", subscribe("Event: foo\nExpires: 600"), 489, "Allow-Events: presence, ?presence.winfo");
		var dialogEvent = publish("Expires: 600", pidf(presentity));
		dialogEvent.put("headers", "Event: dialog\nExpires: 600\nContent-Type: application/pidf+xml");
		expect("expect.xml", dialogEvent, 489, "Allow-Events: presence");
	}

	@Test
	void expiryBelowTheMinimumIs423WithMinExpires() {
		expect("expect.xml", subscribe("Event: presence\nExpires: 1"), 423, "Min-Expires: 60");
		expect("expect.xml", publish("Expires: 5", pidf(presentity)), 423, "Min-Expires: 60");
	}

	@Test
	void unknownSubscriptionIs481() {
		var values = subscribe("Event: presence\nExpires: 600");
		values.put("totag", ";tag=feedfacefeedfacefeedfacefeedface");
		expect("expect.xml", values, 481, "481 Subscription Does Not Exist");
	}

	@Test
	void watcherThatAcceptsNoPidfIs406() {
		expect("expect.xml", subscribe("Event: presence\nAccept: application/xpidf+xml"), 406, "Accept: application/pidf\\+xml");
	}

	@Test
	void requestsWithoutCredentialsAreChallenged() {
		expect("expect.xml", subscribe("Event: presence\nExpires: 600"), 401, "WWW-Authenticate: Digest realm=\"parley.local\"");
		expect("expect.xml", publish("Expires: 600", pidf(presentity)), 401, "qop=\"auth\"");
	}

	@Test
	void wrongContentTypeIs415WithAccept() {
		var values = publish("Expires: 600", "hello");
		values.put("headers", "Event: presence\nExpires: 600\nContent-Type: text/plain");
		expect("expect.xml", values, 415, "Accept: application/pidf\\+xml");
	}

	@Test
	void oversizeBodyIs413() {
		String big = pidf(presentity).replace("</presence>", "<note>" + "x".repeat(20_000) + "</note></presence>");
		var result = sipp().tcp().run("expect.xml", publish("Expires: 600", big).with("status", "413").with("check", "413"));
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertUnchanged();
	}

	@Test
	void unknownEntityTagIs412() {
		var values = publish("Expires: 600\nSIP-If-Match: not-a-known-tag", "");
		values.put("headers", "Event: presence\nExpires: 600\nSIP-If-Match: not-a-known-tag");
		expect("expect-auth.xml", values, 412, "412 Conditional Request Failed");
	}

	@Test
	void malformedXmlIs400NamingTheProblem() {
		expect("expect-auth.xml", publish("Expires: 600", "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"x"),
				400, "400 Bad Request \\(body");
	}

	@Test
	void externalEntityBodyIs400() {
		// sipp reads '[' as a keyword, so the DTD here is external; entity bombs (internal subset) are sent
		// by SipPublishHandlerTests and SipRawMessageTests.
		String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE presence SYSTEM \"file:///etc/passwd\">\n"
				+ "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:" + presentity.userPart()
				+ "@parley.local\"><tuple id=\"a\"><status><basic>open</basic></status></tuple></presence>";
		expect("expect-auth.xml", publish("Expires: 600", xxe), 400, "400 Bad Request \\(body");
	}

	@Test
	void documentForAnotherEntityIs400() {
		PresentityId other = PresentityId.agent(java.util.UUID.randomUUID());
		expect("expect-auth.xml", publish("Expires: 600", pidf(other)), 400, "entity");
	}

	private void expect(String scenario, Values values, int status, String check) {
		var result = sipp().auth(agent.username(), AccountFixtures.PASSWORD).run(scenario,
				values.with("status", Integer.toString(status)).with("check", check));
		assertThat(result.passed()).as(result.toString()).isTrue();
		assertUnchanged();
	}

	private void assertUnchanged() {
		assertThat(presence.current(presentity)).contains(before);
	}

	private Sipp sipp() {
		return new Sipp(sipPort).service(presentity.userPart());
	}

	/** The placeholders of expect.xml and expect-auth.xml. */
	static final class Values extends HashMap<String, String> {
		Values with(String key, String value) {
			put(key, value);
			return this;
		}
	}

	static Values subscribe(String headers) {
		return new Values().with("method", "SUBSCRIBE").with("headers", headers).with("body", "").with("totag", "");
	}

	static Values publish(String headers, String body) {
		return new Values().with("method", "PUBLISH").with("totag", "").with("body", body)
			.with("headers", "Event: presence\n" + headers + (body.isEmpty() ? "" : "\nContent-Type: application/pidf+xml"));
	}

	static Map<String, String> publish(String headers, String body, int status, String check) {
		return publish(headers, body).with("status", Integer.toString(status)).with("check", check);
	}

	static String pidf(PresentityId presentity) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:"
				+ presentity.userPart() + "@parley.local\"><tuple id=\"desk\"><status><basic>closed</basic></status>"
				+ "</tuple></presence>\n";
	}
}
