package dev.parley.bench;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bit of SIP the latency driver needs over a plain UDP socket: parse a message (start line, a header, the
 * body), answer a request 200, and MD5 digest (qop=auth) for the requests it sends. Benchmark code only.
 */
final class SipWire {

	private static final Pattern NONCE = Pattern.compile("WWW-Authenticate: *Digest[^\\r\\n]*?nonce=\"([^\"]+)\"[^\\r\\n]*algorithm=MD5",
			Pattern.CASE_INSENSITIVE);

	record Message(String startLine, String text, String body) {
		boolean isRequest(String method) {
			return startLine.startsWith(method + " ");
		}

		int status() {
			return startLine.startsWith("SIP/2.0 ") ? Integer.parseInt(startLine.substring(8, 11)) : 0;
		}

		String header(String name) {
			for (String line : text.substring(0, text.length() - body.length()).split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

		/** Call-ID, CSeq number and method: what a response or a retransmission is matched on. */
		String transactionKey() {
			return header("Call-ID") + "|" + header("CSeq");
		}

		String nonce() {
			Matcher m = NONCE.matcher(text);
			return m.find() ? m.group(1) : null;
		}

		String toTag() {
			String to = header("To");
			int at = to == null ? -1 : to.indexOf(";tag=");
			return at < 0 ? null : to.substring(at + 5).split("[;>\\s]")[0];
		}
	}

	private SipWire() {
	}

	static Message parse(DatagramPacket packet) {
		String text = new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String body = end < 0 ? "" : text.substring(end + 4);
		return new Message(text.substring(0, Math.max(0, text.indexOf("\r\n"))), text, body);
	}

	static void send(DatagramSocket socket, InetSocketAddress to, String message) {
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		try {
			socket.send(new DatagramPacket(bytes, bytes.length, to));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** 200 OK to a request (a NOTIFY): Via, From, To, Call-ID and CSeq copied. */
	static String ok(Message request) {
		return "SIP/2.0 200 OK\r\nVia: " + request.header("Via") + "\r\nFrom: " + request.header("From") + "\r\nTo: "
				+ request.header("To") + "\r\nCall-ID: " + request.header("Call-ID") + "\r\nCSeq: " + request.header("CSeq")
				+ "\r\nContent-Length: 0\r\n\r\n";
	}

	/** An Authorization header for MD5 digest with qop=auth (RFC 2617). */
	static String authorization(String user, String password, String realm, String nonce, String method, String uri,
			int nc) {
		String ha1 = md5(user + ":" + realm + ":" + password);
		String ha2 = md5(method + ":" + uri);
		String ncText = String.format("%08x", nc);
		String cnonce = Integer.toHexString(nc * 7919 + 17);
		String response = md5(ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":auth:" + ha2);
		return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
				+ uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + ncText + ", cnonce=\"" + cnonce
				+ "\"\r\n";
	}

	static String md5(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
