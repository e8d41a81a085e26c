package dev.parley.pidf;

import java.nio.charset.StandardCharsets;

import dev.parley.presence.PresenceDocument;

/**
 * The {@code application/pidf+xml} codec (RFC 3863): writes what a NOTIFY or a GET carries and reads what
 * a PUBLISH sends. Tuples map one to one; tuple activities go as RPID in the tuple, the person's as RPID
 * in {@code dm:person}; a video contact is a contact with RFC 5196 {@code caps:servcaps/video}; queue and
 * center figures use Parley's own namespace. Thread-safe.
 */
public final class PidfCodec {

	public static final String MEDIA_TYPE = "application/pidf+xml";

	public static final int MAX_BYTES = SecureXml.MAX_BYTES;

	private final PidfWriter writer = new PidfWriter();

	private final PidfReader reader = new PidfReader();

	public String write(PresenceDocument document) {
		return writer.write(document);
	}

	public byte[] writeBytes(PresenceDocument document) {
		return write(document).getBytes(StandardCharsets.UTF_8);
	}

	/** Reads a body; anything unusable is a {@link PidfException} naming what is wrong. */
	public PresenceDocument parse(byte[] body) {
		return reader.read(body);
	}

	public PresenceDocument parse(String body) {
		return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}
}
