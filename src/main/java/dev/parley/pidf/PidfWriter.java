package dev.parley.pidf;

import static dev.parley.pidf.PidfNamespaces.CAPS;
import static dev.parley.pidf.PidfNamespaces.DATA_MODEL;
import static dev.parley.pidf.PidfNamespaces.FIGURES;
import static dev.parley.pidf.PidfNamespaces.PIDF;
import static dev.parley.pidf.PidfNamespaces.RPID;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.parley.presence.Activity;
import dev.parley.common.AddressKind;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceTuple;

/**
 * Writes a {@link PresenceDocument} as RFC 3863 PIDF with StAX (fast: this runs once per change). Every text and
 * attribute value goes through {@link XmlChars}: a character XML 1.0 forbids is written as U+FFFD, never as is.
 */
final class PidfWriter {

	static final String PERSON_ID = "person";

	private final PresentityUris uris;

	PidfWriter(PresentityUris uris) {
		this.uris = uris;
	}

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	String write(PresenceDocument doc) {
		return write(doc, uris.presUri(doc.entity()));
	}

	String write(PresenceDocument doc, String entity) {
		StringWriter out = new StringWriter(512);
		try {
			XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			w.writeStartElement("", "presence", PIDF);
			declareNamespaces(w, doc);
			w.writeAttribute("entity", XmlChars.clean(entity));
			for (PresenceTuple t : doc.tuples()) {
				tuple(w, t);
			}
			if (hasPerson(doc)) {
				person(w, doc);
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("could not write PIDF", e);
		}
		return out.toString();
	}

	private static void declareNamespaces(XMLStreamWriter w, PresenceDocument doc) throws XMLStreamException {
		w.writeDefaultNamespace(PIDF);
		boolean person = hasPerson(doc);
		if (person || doc.tuples().stream().anyMatch(t -> !t.activities().isEmpty() || t.until() != null)) {
			w.writeNamespace("rpid", RPID);
		}
		if (person) {
			w.writeNamespace("dm", DATA_MODEL);
		}
		if (doc.tuples().stream().anyMatch(t -> t.contact() != null && t.contact().means() == AddressKind.VIDEO)) {
			w.writeNamespace("caps", CAPS);
		}
		if (doc.tuples().stream().anyMatch(t -> !t.figures().isEmpty())) {
			w.writeNamespace("pc", FIGURES);
		}
	}

	private static boolean hasPerson(PresenceDocument doc) {
		return !doc.personActivities().isEmpty() || doc.personNote() != null;
	}

	private static void tuple(XMLStreamWriter w, PresenceTuple t) throws XMLStreamException {
		w.writeStartElement(PIDF, "tuple");
		w.writeAttribute("id", XmlChars.clean(t.id()));
		w.writeStartElement(PIDF, "status");
		text(w, PIDF, "basic", t.isOpen() ? "open" : "closed");
		w.writeEndElement();
		if (!t.activities().isEmpty() || t.until() != null) {
			activities(w, t.activities(), t.until());
		}
		if (t.contact() != null && t.contact().means() == AddressKind.VIDEO) {
			w.writeStartElement(CAPS, "servcaps");
			text(w, CAPS, "video", "true");
			w.writeEndElement();
		}
		if (!t.figures().isEmpty()) {
			figures(w, t.figures());
		}
		if (t.contact() != null) {
			w.writeStartElement(PIDF, "contact");
			if (t.contact().priority() != null) {
				w.writeAttribute("priority", BigDecimal.valueOf(t.contact().priority()).stripTrailingZeros()
					.toPlainString());
			}
			w.writeCharacters(XmlChars.clean(t.contact().address()));
			w.writeEndElement();
		}
		if (t.note() != null) {
			text(w, PIDF, "note", t.note());
		}
		if (t.timestamp() != null) {
			text(w, PIDF, "timestamp", time(t.timestamp()));
		}
		w.writeEndElement();
	}

	private static void person(XMLStreamWriter w, PresenceDocument doc) throws XMLStreamException {
		w.writeStartElement(DATA_MODEL, "person");
		w.writeAttribute("id", PERSON_ID);
		if (!doc.personActivities().isEmpty()) {
			activities(w, doc.personActivities(), null);
		}
		if (doc.personNote() != null) {
			text(w, DATA_MODEL, "note", doc.personNote());
		}
		w.writeEndElement();
	}

	/** RPID activities; the contact center's terms go as {@code <rpid:busy/>} plus {@code <rpid:other>}. */
	private static void activities(XMLStreamWriter w, Set<Activity> activities, Instant until)
			throws XMLStreamException {
		w.writeStartElement(RPID, "activities");
		if (until != null) {
			w.writeAttribute("until", time(until));
		}
		boolean ccTerm = activities.stream().anyMatch(Activity::isContactCenterTerm);
		if (ccTerm) {
			w.writeEmptyElement(RPID, Activity.BUSY.token());
		}
		for (Activity a : Activity.values()) {
			if (!activities.contains(a)) {
				continue;
			}
			if (a.isContactCenterTerm()) {
				text(w, RPID, "other", a.token());
			}
			else {
				w.writeEmptyElement(RPID, a.token());
			}
		}
		w.writeEndElement();
	}

	private static void figures(XMLStreamWriter w, Map<String, Long> figures) throws XMLStreamException {
		w.writeStartElement(FIGURES, "figures");
		for (Map.Entry<String, Long> f : new TreeMap<>(figures).entrySet()) {
			w.writeStartElement(FIGURES, "figure");
			w.writeAttribute("name", XmlChars.clean(f.getKey()));
			w.writeCharacters(Long.toString(f.getValue()));
			w.writeEndElement();
		}
		w.writeEndElement();
	}

	private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
		w.writeStartElement(ns, name);
		w.writeCharacters(XmlChars.clean(value));
		w.writeEndElement();
	}

	static String time(Instant t) {
		return DateTimeFormatter.ISO_INSTANT.format(t);
	}
}
