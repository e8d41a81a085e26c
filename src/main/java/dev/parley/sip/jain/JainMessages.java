package dev.parley.sip.jain;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;

import dev.parley.sip.SipRequest;

/** Translates between JAIN SIP messages and Parley's records. */
final class JainMessages {

	private JainMessages() {
	}

	static SipRequest toRequest(Request req, String transport) {
		String user = "";
		String host = "";
		if (req.getRequestURI() instanceof SipURI uri) {
			user = uri.getUser() == null ? "" : uri.getUser();
			host = uri.getHost();
		}
		CallIdHeader callId = (CallIdHeader) req.getHeader(CallIdHeader.NAME);
		FromHeader from = (FromHeader) req.getHeader(FromHeader.NAME);
		ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
		var remote = ((SIPMessage) req).getRemoteAddress();
		return new SipRequest(req.getMethod(), req.getRequestURI().toString(), user, host,
				callId == null ? "" : callId.getCallId(), from == null ? "" : from.getAddress().getURI().toString(),
				to == null ? "" : to.getTag(), headers(req), req.getRawContent(),
				remote == null ? "unknown" : remote.getHostAddress(), transport);
	}

	private static Map<String, List<String>> headers(Request req) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		ListIterator<?> names = req.getHeaderNames();
		while (names.hasNext()) {
			String name = (String) names.next();
			List<String> values = new ArrayList<>();
			ListIterator<?> hs = req.getHeaders(name);
			while (hs.hasNext()) {
				Object h = hs.next();
				values.add(h instanceof SIPHeader s ? s.getHeaderValue() : valueOf(h.toString()));
			}
			map.put(name, values);
		}
		return map;
	}

	private static String valueOf(String line) {
		int colon = line.indexOf(':');
		return (colon < 0 ? line : line.substring(colon + 1)).trim();
	}

	static void addHeaders(Message message, HeaderFactory headers, List<Map.Entry<String, String>> list)
			throws ParseException {
		for (Map.Entry<String, String> e : list) {
			for (String value : listHeader(e.getKey()) ? e.getValue().split(",") : new String[] { e.getValue() }) {
				Header h = headers.createHeader(e.getKey(), value.trim());
				message.addHeader(h);
			}
		}
	}

	/** Headers the RI builds one value at a time ("Only singleton allowed"): a list goes as several. */
	private static boolean listHeader(String name) {
		return name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("Allow-Events") || name.equalsIgnoreCase("Accept");
	}

	static void setBody(Message message, HeaderFactory headers, String contentType, byte[] body) throws ParseException {
		if (contentType == null || body == null || body.length == 0) {
			return;
		}
		String[] parts = contentType.split("/", 2);
		ContentTypeHeader type = headers.createContentTypeHeader(parts[0], parts[1]);
		message.setContent(body, type);
	}

}
