package dev.parley.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.WatcherInfoCodec;
import dev.parley.presence.PresenceDocument;

/**
 * Writes one NOTIFY: Event (package and id), Subscription-State (active or pending with the seconds left,
 * or terminated with its reason, RFC 6665 s8.2.3), and the body: PIDF for presence, watcherinfo for winfo.
 */
final class NotifyWriter {

	record Notify(List<Map.Entry<String, String>> headers, String contentType, byte[] body) {
	}

	private final PidfCodec pidf;

	private final WatcherInfoCodec winfo;

	NotifyWriter(PidfCodec pidf, WatcherInfoCodec winfo) {
		this.pidf = pidf;
		this.winfo = winfo;
	}

	/** A written document and the instance it was written from. */
	private record Written(PresenceDocument document, byte[] body) {
	}

	/**
	 * The presence service hands every watcher of one visibility the same document instance, so a fan-out writes
	 * each PIDF once, not once per watcher: the last few written, by identity (a document is immutable).
	 */
	private final AtomicReferenceArray<Written> written = new AtomicReferenceArray<>(16);

	Notify write(SipSubscription s, SipSubscription.Outgoing out, long now) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		headers.add(Map.entry("Event", s.event.header()));
		headers.add(Map.entry("Subscription-State", state(s, out, now)));
		if (s.isWinfo()) {
			byte[] body = winfo.write(s.presentity, out.version(), true, out.watchers()).getBytes(StandardCharsets.UTF_8);
			return new Notify(headers, WatcherInfoCodec.MEDIA_TYPE, body);
		}
		PresenceDocument doc = out.document() == null ? PresenceDocument.neutral(s.presentity) : out.document();
		// named by a username: that address is the entity (rare: a softphone's buddy; written for it alone)
		byte[] body = s.address.entity() != null ? pidf.writeBytes(doc, s.address.entity()) : pidf(doc);
		return new Notify(headers, PidfCodec.MEDIA_TYPE, body);
	}

	private byte[] pidf(PresenceDocument doc) {
		int slot = System.identityHashCode(doc) & (written.length() - 1);
		Written w = written.get(slot);
		if (w != null && w.document() == doc) {
			return w.body();
		}
		byte[] body = pidf.writeBytes(doc);
		written.set(slot, new Written(doc, body));
		return body;
	}

	private static String state(SipSubscription s, SipSubscription.Outgoing out, long now) {
		if (out.terminal()) {
			return "terminated;reason=" + out.terminatedReason();
		}
		long left = Math.max(0, (s.expiresAtMillis() - now + 999) / 1000);
		return s.stateName() + ";expires=" + left;
	}
}
