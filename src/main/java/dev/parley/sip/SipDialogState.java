package dev.parley.sip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * What a subscription dialog is, free of any stack (RFC 3261 s12): Call-ID, Parley's (local) tag and URI, the
 * subscriber's (remote) tag, URI and target (its Contact), the route set (Record-Route as received), the
 * transport, and the CSeq the next request Parley sends in it will carry. Enough to build an in-dialog NOTIFY
 * after a restart, when the stack remembers nothing.
 */
public record SipDialogState(String callId, String localTag, String localUri, String remoteTag, String remoteUri,
		String remoteTarget, List<String> routeSet, String transport, long nextCSeq) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public SipDialogState {
		routeSet = List.copyOf(routeSet == null ? List.of() : routeSet);
		remoteTag = remoteTag == null ? "" : remoteTag;
	}

	/** Call-ID and local tag: what {@link SipRequest#dialogKey()} gives for later requests in the dialog. */
	public String key() {
		return SipRequest.dialogKey(callId, localTag);
	}

	public SipDialogState withNextCSeq(long value) {
		return new SipDialogState(callId, localTag, localUri, remoteTag, remoteUri, remoteTarget, routeSet, transport,
				value);
	}

	/** The dialog a dialog-forming request (SUBSCRIBE) makes at Parley, the UAS (RFC 3261 s12.1.1). */
	public static SipDialogState uas(SipRequest request, String localTag) {
		String from = request.header("From");
		String to = request.header("To");
		String contact = request.header("Contact");
		return new SipDialogState(request.callId(), localTag, to == null ? request.requestUri() : uriOf(to),
				from == null ? "" : param(from, "tag"), from == null ? request.fromUri() : uriOf(from),
				contact == null ? request.fromUri() : uriOf(contact), request.headerValues("Record-Route"),
				request.transport(), 1);
	}

	/** A 128-bit random tag: a dialog's key is hard to guess, which in-dialog requests rely on. */
	public static String newTag() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The URI of a name-addr ({@code "x" <sip:a@b>;tag=1}) or addr-spec ({@code sip:a@b;tag=1}). */
	public static String uriOf(String value) {
		int lt = value.indexOf('<');
		if (lt >= 0) {
			int gt = value.indexOf('>', lt);
			return value.substring(lt + 1, gt < 0 ? value.length() : gt).trim();
		}
		int semi = value.indexOf(';');
		return (semi < 0 ? value : value.substring(0, semi)).trim();
	}

	/** A header parameter after the address ({@code tag}), or "" when absent. */
	static String param(String value, String name) {
		int gt = value.indexOf('>');
		String params = gt >= 0 ? value.substring(gt + 1) : value.substring(Math.max(0, value.indexOf(';')));
		for (String p : params.split(";")) {
			String[] kv = p.trim().split("=", 2);
			if (kv.length == 2 && kv[0].trim().equalsIgnoreCase(name)) {
				return kv[1].trim();
			}
		}
		return "";
	}
}
