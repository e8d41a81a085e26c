package dev.parley.pidf;

import static dev.parley.pidf.PidfNamespaces.CAPS;
import static dev.parley.pidf.PidfNamespaces.DATA_MODEL;
import static dev.parley.pidf.PidfNamespaces.FIGURES;
import static dev.parley.pidf.PidfNamespaces.PIDF;
import static dev.parley.pidf.PidfNamespaces.RPID;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.w3c.dom.Element;

import dev.parley.common.InvalidInputException;
import dev.parley.presence.Activity;
import dev.parley.presence.BasicStatus;
import dev.parley.presence.Contact;
import dev.parley.common.AddressKind;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceTuple;
import dev.parley.presence.PresentityId;

/**
 * Reads a PIDF body into the model. Unknown extension elements are ignored as RFC 3863 says, unless
 * they carry {@code mustUnderstand="true"}, which makes the document unusable. A tuple whose {@code <status>} has no
 * {@code <basic>} open or closed (none, or a value RFC 3863 does not have, such as baresip's {@code unknown} before its
 * user picks a status) says nothing the model can hold, a tuple being open or closed: it is left out, and named in
 * {@link PidfCodec.Reading#leftOut()}; the rest of the document is used.
 */
final class PidfReader {

	private static final Set<String> UNDERSTOOD = Set.of(PIDF, RPID, DATA_MODEL, CAPS, FIGURES);

	PidfCodec.Reading read(byte[] body, Function<String, Optional<PresentityId>> entities) {
		Element root = SecureXml.parse(body).getDocumentElement();
		if (!PIDF.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
			throw PidfException.of("presence", "root", "the root element must be <presence> in namespace " + PIDF);
		}
		refuseMustUnderstand(root);
		String entity = Dom.attribute(root, "entity");
		if (entity == null || entity.isBlank()) {
			throw PidfException.of("entity", "required", "the entity attribute (presentity URI) is required");
		}
		try {
			PresentityId id = entities.apply(entity.trim()).orElseThrow(() -> PidfException.of("entity", "invalid",
					"is not a Parley presentity URI (pres:<kind>-<key>@<domain>)"));
			List<PresenceTuple> tuples = new ArrayList<>();
			List<String> leftOut = new ArrayList<>();
			for (Element t : Dom.children(root, PIDF, "tuple")) {
				PresenceTuple tuple = tuple(t);
				if (tuple != null) {
					tuples.add(tuple);
				}
				else {
					leftOut.add(Dom.attribute(t, "id"));
				}
			}
			Element person = Dom.child(root, DATA_MODEL, "person");
			Set<Activity> activities = person == null ? Set.of() : activities(Dom.child(person, RPID, "activities"));
			String note = person == null ? null : Dom.text(Dom.child(person, DATA_MODEL, "note"));
			return new PidfCodec.Reading(new PresenceDocument(id, tuples, activities, note), leftOut);
		}
		catch (PidfException e) {
			throw e;
		}
		catch (InvalidInputException e) {
			throw new PidfException(e.violations());
		}
	}

	/** The tuple, or null when its status has no basic open or closed (left out). */
	private static PresenceTuple tuple(Element t) {
		String id = Dom.attribute(t, "id");
		if (id == null) {
			throw PidfException.of("tuple.id", "required", "every <tuple> needs an id attribute");
		}
		Element status = Dom.child(t, PIDF, "status");
		if (status == null) {
			throw PidfException.of("tuple.status", "required", "tuple '" + id + "' needs a <status>");
		}
		String basic = Dom.text(Dom.child(status, PIDF, "basic"));
		if (!"open".equals(basic) && !"closed".equals(basic)) {
			PresenceTuple.closed(id); // the id must still be a valid one
			return null;
		}
		Element activities = Dom.child(t, RPID, "activities");
		return new PresenceTuple(id, "open".equals(basic) ? BasicStatus.OPEN : BasicStatus.CLOSED, contact(t),
				activities(activities), Dom.text(Dom.child(t, PIDF, "note")),
				time(Dom.text(Dom.child(t, PIDF, "timestamp")), "tuple.timestamp"),
				activities == null ? null : time(Dom.attribute(activities, "until"), "tuple.until"), figures(t));
	}

	private static Contact contact(Element t) {
		Element contact = Dom.child(t, PIDF, "contact");
		if (contact == null) {
			return null;
		}
		String address = Dom.text(contact);
		Element caps = Dom.child(t, CAPS, "servcaps");
		boolean video = caps != null && "true".equals(Dom.text(Dom.child(caps, CAPS, "video")));
		AddressKind means = video ? AddressKind.VIDEO : AddressKind.ofScheme(Contact.scheme(address));
		if (means == null) {
			throw PidfException.of("contact.address", "scheme", "the contact's URI scheme is not supported");
		}
		String priority = Dom.attribute(contact, "priority");
		try {
			return new Contact(means, address, priority == null ? null : Double.valueOf(priority));
		}
		catch (NumberFormatException e) {
			throw PidfException.of("contact.priority", "invalid", "must be a number between 0 and 1");
		}
	}

	private static Set<Activity> activities(Element activities) {
		if (activities == null) {
			return Set.of();
		}
		Set<Activity> set = EnumSet.noneOf(Activity.class);
		for (Element e : Dom.children(activities)) {
			Activity a = !RPID.equals(e.getNamespaceURI()) ? null
					: "other".equals(e.getLocalName()) ? Activity.ofOtherText(e.getTextContent())
							: Activity.ofRpidElement(e.getLocalName());
			if (a != null) {
				set.add(a);
			}
		}
		return set;
	}

	private static Map<String, Long> figures(Element t) {
		Element figures = Dom.child(t, FIGURES, "figures");
		Map<String, Long> map = new LinkedHashMap<>();
		for (Element f : figures == null ? List.<Element>of() : Dom.children(figures, FIGURES, "figure")) {
			try {
				map.put(String.valueOf(Dom.attribute(f, "name")), Long.valueOf(Dom.text(f)));
			}
			catch (NumberFormatException e) {
				throw PidfException.of("tuple.figures", "invalid", "figure values must be whole numbers");
			}
		}
		return map;
	}

	private static Instant time(String text, String field) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw PidfException.of(field, "invalid", "must be an xs:dateTime such as 2025-01-01T09:00:00Z");
			}
		}
	}

	/** RFC 3863: an element we do not understand that must be understood makes the document unusable. */
	private static void refuseMustUnderstand(Element e) {
		String flag = e.hasAttributeNS(PIDF, "mustUnderstand") ? e.getAttributeNS(PIDF, "mustUnderstand")
				: e.getAttribute("mustUnderstand"); // the unqualified form some user agents send
		if (("true".equals(flag) || "1".equals(flag)) && !UNDERSTOOD.contains(e.getNamespaceURI())) {
			throw PidfException.of("mustUnderstand", "unsupported", "element {" + e.getNamespaceURI() + "}"
					+ e.getLocalName() + " is marked mustUnderstand and is not supported");
		}
		for (Element child : Dom.children(e)) {
			refuseMustUnderstand(child);
		}
	}
}
