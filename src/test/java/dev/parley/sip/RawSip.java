package dev.parley.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.parley.identity.DigestAlgorithm;

/** A bare UDP SIP client for what sipp cannot send: broken messages, '[' in bodies, floods; and for tests outside this package. */
public final class RawSip implements AutoCloseable {

	private final DatagramSocket socket;

	private final int port;

	private String lastAuthorization;

	public RawSip(int port) {
		this.port = port;
		try {
			socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
			socket.setSoTimeout(3000);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void send(String message) {
		byte[] bytes = message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		try {
			socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The next message received, or null after the timeout. */
	public String receive() {
		byte[] buffer = new byte[65_536];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		try {
			socket.receive(packet);
			return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
		}
		catch (SocketTimeoutException e) {
			return null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String request(String method, String user, int cseq, String callId, String extraHeaders, String body) {
		int local = socket.getLocalPort();
		String b = body == null ? "" : body;
		return method + " sip:" + user + "@parley.local SIP/2.0\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + UUID.randomUUID() + "\n"
				+ "From: <sip:raw@127.0.0.1>;tag=raw" + local + "\nTo: <sip:" + user + "@parley.local>\n"
				+ "Call-ID: " + callId + "\nCSeq: " + cseq + " " + method + "\nMax-Forwards: 70\n"
				+ "Contact: <sip:raw@127.0.0.1:" + local + ">\n" + extraHeaders
				+ "Content-Length: " + b.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8).length + "\n\n" + b;
	}

	/** Sends a request, answers the 401 with an MD5 digest, and returns the final answer. */
	public String withDigest(String method, String user, String extraHeaders, String body, String username, String password) {
		String callId = UUID.randomUUID().toString();
		send(request(method, user, 1, callId, extraHeaders, body));
		String challenge = receive();
		Map<String, String> p = DigestParameters.parse(challenge.lines()
			.filter(l -> l.startsWith("WWW-Authenticate:") && l.contains("MD5")).findFirst().orElseThrow()
			.substring("WWW-Authenticate:".length()).trim());
		String uri = "sip:" + user + "@parley.local";
		DigestAlgorithm md5 = DigestAlgorithm.MD5;
		String ha1 = md5.hash(username + ":" + p.get("realm") + ":" + password);
		String ha2 = md5.hash(method + ":" + uri);
		String response = md5.hash(ha1 + ":" + p.get("nonce") + ":00000001:abc:auth:" + ha2);
		String auth = "Authorization: Digest username=\"" + username + "\", realm=\"" + p.get("realm") + "\", nonce=\""
				+ p.get("nonce") + "\", uri=\"" + uri + "\", response=\"" + response
				+ "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"abc\"\n";
		lastAuthorization = auth;
		send(request(method, user, 2, callId, extraHeaders + auth, body));
		return receive();
	}

	/** The Authorization header line {@link #withDigest} sent last (as an eavesdropper would capture it). */
	public String lastAuthorization() {
		return lastAuthorization;
	}

	public int localPort() {
		return socket.getLocalPort();
	}

	/** A response to a received request: its Via, From, To, Call-ID and CSeq echoed. */
	public String answer(String request, int status) {
		StringBuilder b = new StringBuilder("SIP/2.0 " + status + " OK\n");
		request.lines().filter(l -> l.matches("(?i)(Via|From|To|Call-ID|CSeq):.*")).forEach(l -> b.append(l).append('\n'));
		return b.append("Content-Length: 0\n\n").toString();
	}

	@Override
	public void close() {
		socket.close();
	}
}
