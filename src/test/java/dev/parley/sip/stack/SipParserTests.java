package dev.parley.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reading SIP messages: what RFC 3261 s7 asks a parser to accept, and what it must not guess at. */
class SipParserTests {

	private static SipMessage parse(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return SipParser.parse(bytes, 0, bytes.length);
	}

	@Test
	void aRequestWithCompactFormsFoldedLinesAndABodyCutAtItsContentLength() {
		SipMessage m = parse("\r\nPUBLISH sip:agent-1@parley.local SIP/2.0\r\n"
				+ "v: SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1;rport\r\n" + "f: <sip:a@b>;tag=x\r\n"
				+ "t: <sip:agent-1@parley.local>\r\n" + "i: call-1\r\n" + "CSeq: 7 PUBLISH\r\n"
				+ "Subject: first\r\n second\r\n" + "o: presence\r\n" + "Via: SIP/2.0/UDP proxy;branch=z9hG4bK2\r\n"
				+ "c: application/pidf+xml\r\n" + "l: 5\r\n\r\n" + "hello, and more than five");
		assertThat(m.isRequest()).isTrue();
		assertThat(m.method).isEqualTo("PUBLISH");
		assertThat(m.requestUri).isEqualTo("sip:agent-1@parley.local");
		assertThat(m.first("Call-ID")).isEqualTo("call-1");
		assertThat(m.first("event")).isEqualTo("presence");
		assertThat(m.first("Subject")).isEqualTo("first second");
		assertThat(m.all("Via")).hasSize(2).first().asString().startsWith("SIP/2.0/UDP 10.0.0.1:5070");
		assertThat(m.first("Content-Type")).isEqualTo("application/pidf+xml");
		assertThat(new String(m.body, StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(m.problem).isNull();
	}

	@Test
	void bareLineFeedsAreAccepted() {
		SipMessage m = parse("OPTIONS sip:x@y SIP/2.0\nCall-ID: c\nContent-Length: 0\n\n");
		assertThat(m.method).isEqualTo("OPTIONS");
		assertThat(m.first("Call-ID")).isEqualTo("c");
		assertThat(m.body).isEmpty();
	}

	@Test
	void aResponse() {
		SipMessage m = parse("SIP/2.0 481 Subscription Does Not Exist\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKx\r\n\r\n");
		assertThat(m.isRequest()).isFalse();
		assertThat(m.status).isEqualTo(481);
		assertThat(m.reason).isEqualTo("Subscription Does Not Exist");
	}

	@Test
	void aResponsesStatusAndBranchAreReadWithoutTheWholeMessage() {
		byte[] ok = "SIP/2.0 200 OK\r\nFrom: <sip:a@b>;tag=1\r\nvia : SIP/2.0/UDP h:5060;branch=z9hG4bKabc;rport\r\n\r\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(SipParser.responseHead(ok, ok.length)).isEqualTo(new SipParser.ResponseHead(200, "z9hG4bKabc"));
		byte[] compact = "SIP/2.0 481 Gone\r\nv: SIP/2.0/TCP h;branch=z9hG4bKdef\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(SipParser.responseHead(compact, compact.length)).isEqualTo(new SipParser.ResponseHead(481, "z9hG4bKdef"));
		byte[] folded = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\n ;branch=z9hG4bKx\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(SipParser.responseHead(folded, folded.length)).isNull();
		assertThat(SipParser.parse(folded, 0, folded.length).first("Via")).isEqualTo("SIP/2.0/UDP h ;branch=z9hG4bKx");
		byte[] request = "NOTIFY sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKy\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(SipParser.responseHead(request, request.length)).isNull();
		byte[] noVia = "SIP/2.0 200 OK\r\nVary: x\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(SipParser.responseHead(noVia, noVia.length)).isNull();
	}

	@Test
	void whatIsNotSipIsNothing() {
		assertThat(parse("this is not SIP at all\n\n")).isNull();
		assertThat(parse("OPTIONS sip:x@y HTTP/1.1\r\n\r\n")).isNull();
		assertThat(parse("OPTIONS nouri SIP/2.0\r\n\r\n")).isNull();
		assertThat(parse("SIP/2.0 2x0 OK\r\n\r\n")).isNull();
		assertThat(parse("SIP/2.0 099 Low\r\n\r\n")).isNull();
		assertThat(parse("OPT<IONS sip:x@y SIP/2.0\r\n\r\n")).isNull();
	}

	@Test
	void brokenHeadersAreNamedSoTheRequestCanBeAnswered400() {
		assertThat(parse("OPTIONS sip:x@y SIP/2.0\r\nno colon here\r\n\r\n").problem).contains("without a name");
		assertThat(parse("OPTIONS sip:x@y SIP/2.0\r\nContent-Length: 50\r\n\r\nshort").problem)
			.contains("Content-Length 50 is more than the 5 bytes");
		assertThat(parse("OPTIONS sip:x@y SIP/2.0\r\nContent-Length: -1\r\n\r\n").problem).contains("not a number");
		assertThat(parse("OPTIONS sip:x@y SIP/2.0\r\nCall-ID: c\r\n").problem).contains("no empty line");
	}

	@Test
	void theTopViaWithItsSentByBranchAndRport() {
		Via via = Via.top("SIP / 2.0 / UDP 10.0.0.1:5070;branch=z9hG4bKabc;rport, SIP/2.0/TCP other;branch=z9hG4bKdef");
		assertThat(via).isEqualTo(new Via("UDP", "10.0.0.1", 5070, "z9hG4bKabc", true));
		assertThat(via.rfc3261()).isTrue();
		assertThat(Via.top("SIP/2.0/UDP [::1]:5060;branch=1")).isEqualTo(new Via("UDP", "[::1]", 5060, "1", false));
		assertThat(Via.top("nonsense")).isNull();
		assertThat(Via.top("SIP/2.0/UDP host:99999;branch=z9hG4bK1")).isNull();
		assertThat(Via.top("SIP/3.0/UDP host;branch=z9hG4bK1")).isNull();
	}

	@Test
	void sipUrisByUserHostPortAndTransport() {
		assertThat(SipUri.parse("sip:watcher@127.0.0.1:5070;transport=TCP;lr"))
			.isEqualTo(new SipUri("watcher", "127.0.0.1", 5070, "tcp"));
		assertThat(SipUri.parse("sip:proxy.example.com;lr")).isEqualTo(new SipUri("", "proxy.example.com", -1, ""));
		assertThat(SipUri.parse("sip:a@[::1]:5062")).isEqualTo(new SipUri("a", "[::1]", 5062, ""));
		assertThat(SipUri.parse("tel:+15551234")).isNull();
		assertThat(SipUri.parse("sip:a@host:0")).isNull();
	}
}
