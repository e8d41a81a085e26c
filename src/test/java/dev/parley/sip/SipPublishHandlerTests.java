package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.Role;
import dev.parley.presence.Activity;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.PresentityId;
import dev.parley.sip.internal.StoredPublication;

/** PUBLISH (RFC 3903) over the fake transport: the four operations, entity tags, expiry, refusals. */
class SipPublishHandlerTests {

	final SipHarness sip = new SipHarness();

	final Account agent = sip.account(Role.AGENT);

	final PresentityId presentity = PresentityId.agent(agent.id().value());

	FakeSip.Request publish(String body) {
		var r = new FakeSip.Request("PUBLISH", presentity.userPart()).header("Event", "presence").header("Expires", "600");
		return body == null ? r : r.body("application/pidf+xml", body);
	}

	String pidf(String tupleId, String basic, String extra) {
		return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"sip:"
				+ presentity.userPart() + "@parley.local\"><tuple id=\"" + tupleId + "\"><status><basic>" + basic
				+ "</basic></status>" + extra + "</tuple></presence>";
	}

	@Test
	void initialRefreshModifyAndRemoveEachWithItsEntityTag() {
		sip.presence.setStatus(presentity, "web", BasicStatus.OPEN);
		var initial = sip.send(publish(pidf("phone", "open", "")), agent);
		assertThat(initial.status()).isEqualTo(200);
		String etag1 = initial.response.header("SIP-ETag");
		assertThat(initial.response.header("Expires")).isEqualTo("600");
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("phone")).isEqualTo(1);

		var refresh = sip.send(publish(null).header("SIP-If-Match", etag1), agent);
		String etag2 = refresh.response.header("SIP-ETag");
		assertThat(etag2).isNotNull().isNotEqualTo(etag1);

		var modify = sip.send(publish(pidf("phone", "open", "<rpid:activities><rpid:on-the-phone/></rpid:activities>"))
			.header("SIP-If-Match", etag2), agent);
		String etag3 = modify.response.header("SIP-ETag");
		assertThat(etag3).isNotEqualTo(etag2);
		var doc = sip.presence.current(presentity).orElseThrow();
		assertThat(doc.tuples().get(doc.indexOf("phone")).activities()).isEqualTo(Set.of(Activity.ON_THE_PHONE));

		assertThat(sip.send(publish(null).header("SIP-If-Match", etag1), agent).status()).isEqualTo(412);
		var remove = sip.send(publish(null).header("SIP-If-Match", etag3).header("Expires", "0"), agent);
		assertThat(remove.status()).isEqualTo(200);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("phone")).isEqualTo(-1);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("web")).isZero();
	}

	@Test
	void anAccountPublishesToItsOwnAddressOfRecordByUsernameAsSoftphonesDo() {
		String aor = "sip:" + agent.username() + "@parley.local";
		var request = new FakeSip.Request("PUBLISH", agent.username()).header("Event", "presence").header("Expires", "600")
			.body("application/pidf+xml", pidf("phone", "open", "").replace("sip:" + presentity.userPart() + "@parley.local", aor));
		var initial = sip.send(request, agent);
		assertThat(initial.status()).isEqualTo(200);
		var doc = sip.presence.current(presentity).orElseThrow();
		assertThat(doc.tuples().get(doc.indexOf("phone")).status()).isEqualTo(BasicStatus.OPEN);
		var other = sip.account(Role.AGENT);
		assertThat(sip.send(new FakeSip.Request("PUBLISH", other.username()).header("Event", "presence")
			.body("application/pidf+xml", pidf("phone", "open", "")), agent).status()).as("another's address").isEqualTo(403);
		assertThat(sip.send(new FakeSip.Request("PUBLISH", "no-such-user").header("Event", "presence")
			.body("application/pidf+xml", pidf("phone", "open", "")), agent).status()).isEqualTo(403);
		assertThat(sip.send(new FakeSip.Request("PUBLISH", agent.username()).header("Event", "presence")
			.body("application/pidf+xml", pidf("phone", "open", "").replace("sip:" + presentity.userPart(), "sip:" + other.username())),
				agent).status()).as("a body for another entity").isEqualTo(400);
	}

	@Test
	void baresipsUnknownBasicStatusIsLeftOutWithAWarningAndItsNextStatusIsAModify() {
		// what baresip 1.0 publishes at start, before its user picks a status
		String aor = "sip:" + agent.username() + "@parley.local";
		String unknown = """
				<?xml version="1.0" encoding="UTF-8" standalone="no"?>
				<presence xmlns="urn:ietf:params:xml:ns:pidf"
				    xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
				    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
				    entity="%1$s">
				  <dm:person id="p4159"><rpid:activities/></dm:person>
				  <tuple id="t4109">
				    <status>
				      <basic>%2$s</basic>
				    </status>
				    <contact>%1$s</contact>
				  </tuple>
				</presence>
				""";
		sip.presence.setStatus(presentity, "web", BasicStatus.OPEN);
		var initial = sip.send(new FakeSip.Request("PUBLISH", agent.username()).header("Event", "presence")
			.header("Expires", "600").body("application/pidf+xml", unknown.formatted(aor, "unknown")), agent);
		assertThat(initial.status()).isEqualTo(200);
		assertThat(initial.response.header("Warning")).isEqualTo(
				"399 parley \"tuple t4109 left out: its basic status is neither open nor closed\"");
		var doc = sip.presence.current(presentity).orElseThrow();
		assertThat(doc.indexOf("t4109")).isEqualTo(-1);
		assertThat(doc.indexOf("web")).isZero();
		var online = sip.send(new FakeSip.Request("PUBLISH", agent.username()).header("Event", "presence")
			.header("SIP-If-Match", initial.response.header("SIP-ETag"))
			.body("application/pidf+xml", unknown.formatted(aor, "open")), agent);
		assertThat(online.status()).isEqualTo(200);
		assertThat(online.response.header("Warning")).isNull();
		doc = sip.presence.current(presentity).orElseThrow();
		assertThat(doc.tuples().get(doc.indexOf("t4109")).status()).isEqualTo(BasicStatus.OPEN);
	}

	@Test
	void aModifyThatDropsATupleRemovesIt() {
		var initial = sip.send(publish(pidf("a", "open", "").replace("</presence>",
				"<tuple id=\"b\"><status><basic>open</basic></status></tuple></presence>")), agent);
		sip.send(publish(pidf("a", "closed", "")).header("SIP-If-Match", initial.response.header("SIP-ETag")), agent);
		var doc = sip.presence.current(presentity).orElseThrow();
		assertThat(doc.indexOf("b")).isEqualTo(-1);
		assertThat(doc.tuples().get(doc.indexOf("a")).status()).isEqualTo(BasicStatus.CLOSED);
	}

	@Test
	void anExpiredPublicationTakesItsTuplesAway() {
		var initial = sip.send(publish(pidf("phone", "open", "")).header("Expires", "60"), agent);
		sip.clock.advance(Duration.ofSeconds(61));
		assertThat(sip.publications.expire(sip.clock.millis())).isEqualTo(1);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("phone")).isEqualTo(-1);
		assertThat(sip.send(publish(null).header("SIP-If-Match", initial.response.header("SIP-ETag")), agent).status())
			.isEqualTo(412);
	}

	@Test
	void anOldPublicationBackFromItsRowExpiresWithoutTakingTheTuplesItsDevicePublishedAnew() {
		// after a crash the row of entity tag "old" came back, while the device, told 412 for a newer tag, published
		// the same tuple again under a new one
		sip.publications.restore(new StoredPublication("old", presentity.userPart(), pidf("phone", "closed", ""),
				sip.clock.instant().plusSeconds(60)));
		var anew = sip.send(publish(pidf("phone", "open", "")), agent);
		sip.clock.advance(Duration.ofSeconds(61));
		assertThat(sip.publications.expire(sip.clock.millis())).isEqualTo(1);
		var doc = sip.presence.current(presentity).orElseThrow();
		assertThat(doc.tuples().get(doc.indexOf("phone")).status()).isEqualTo(BasicStatus.OPEN);
		sip.send(publish(null).header("SIP-If-Match", anew.response.header("SIP-ETag")).header("Expires", "0"), agent);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("phone")).isEqualTo(-1);
	}

	@Test
	void removingOrModifyingOnePublicationLeavesATupleAnotherStillHolds() {
		String both = pidf("phone", "open", "").replace("</presence>",
				"<tuple id=\"desk\"><status><basic>open</basic></status></tuple></presence>");
		String first = sip.send(publish(both), agent).response.header("SIP-ETag");
		String second = sip.send(publish(pidf("phone", "open", "")), agent).response.header("SIP-ETag");
		sip.send(publish(pidf("desk", "closed", "")).header("SIP-If-Match", first), agent);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("phone")).as("the second holds it").isNotNegative();
		var third = sip.send(publish(pidf("desk", "open", "")), agent);
		sip.send(publish(null).header("SIP-If-Match", third.response.header("SIP-ETag")).header("Expires", "0"), agent);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("desk")).as("the first holds it").isNotNegative();
		sip.send(publish(null).header("SIP-If-Match", second).header("Expires", "0"), agent);
		assertThat(sip.presence.current(presentity).orElseThrow().indexOf("phone")).isEqualTo(-1);
	}

	@Test
	void refusals() {
		assertThat(sip.send(publish(pidf("a", "open", "")).header("Event", "dialog"), agent).status()).isEqualTo(489);
		var text = sip.send(new FakeSip.Request("PUBLISH", presentity.userPart()).header("Event", "presence")
			.body("text/plain", "hi"), agent);
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.response.header("Accept")).isEqualTo("application/pidf+xml");
		assertThat(sip.send(publish(null), agent).status()).isEqualTo(400);
		assertThat(sip.send(publish(pidf("a", "open", "")).header("Expires", "10"), agent).status()).isEqualTo(423);
		assertThat(sip.send(publish(pidf("a", "open", "")), agent).status()).isEqualTo(200);
		assertThat(sip.send(publish(pidf("a", "open", "x".repeat(17_000))), agent).status()).isEqualTo(413);
		assertThat(sip.send(publish(pidf("a", "open", ""))).status()).isEqualTo(401);
		assertThat(sip.send(publish(pidf("a", "open", "")), sip.account(Role.AGENT)).status()).isEqualTo(403);
		assertThat(sip.send(publish(pidf("a", "open", "")), sip.account(Role.SUPERVISOR)).status()).isEqualTo(200);
	}

	@Test
	void hostileAndBrokenBodiesAre400NamingTheProblemAndChangeNothing() {
		sip.presence.setStatus(presentity, "web", BasicStatus.OPEN);
		var before = sip.presence.current(presentity).orElseThrow();
		String bomb = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
				+ pidf("t", "open", "<note>&b;</note>");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ pidf("t", "open", "<note>&x;</note>");
		for (String body : new String[] { bomb, xxe, "<presence", pidf("1bad", "open", ""),
				pidf("t", "open", "").replace("<status><basic>open</basic></status>", "") }) {
			var ex = sip.send(publish(body), agent);
			assertThat(ex.status()).as(body).isEqualTo(400);
			assertThat(ex.response.reason()).startsWith("Bad Request (");
		}
		// well-formed XML whose note is not one line of text (a tab, a C1 control, DEL): refused, named
		for (String note : new String[] { "in a\tmeeting", "next\u0085line", "bell&#x7F;" }) {
			var ex = sip.send(publish(pidf("t", "open", "<note>" + note + "</note>")), agent);
			assertThat(ex.status()).as(note).isEqualTo(400);
			assertThat(ex.response.reason()).as(note).contains("tuple.note").contains("must not contain");
		}
		var other = sip.send(publish(pidf("t", "open", "").replace(presentity.userPart(), "agent-someone-else")), agent);
		assertThat(other.response.reason()).contains("entity");
		assertThat(sip.presence.current(presentity)).contains(before);
		assertThat(sip.publications.count()).isZero();
	}

	@Test
	void aFloodFromOneSourceGets503WhileOthersAreServed() {
		var strict = new SipHarness(Duration.ZERO, 5);
		int refused = 0;
		for (int i = 0; i < 30; i++) {
			var ex = strict.send(new FakeSip.Request("OPTIONS", "x").from("198.51.100.7"));
			if (ex.status() == 503) {
				refused++;
				assertThat(ex.response.header("Retry-After")).isEqualTo("1");
			}
		}
		assertThat(refused).isEqualTo(20);
		assertThat(strict.send(new FakeSip.Request("OPTIONS", "x").from("198.51.100.8")).status()).isEqualTo(200);
		strict.advance(Duration.ofSeconds(1));
		assertThat(strict.send(new FakeSip.Request("OPTIONS", "x").from("198.51.100.7")).status()).isEqualTo(200);
	}
}
