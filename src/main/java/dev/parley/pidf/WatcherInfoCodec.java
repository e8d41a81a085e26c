package dev.parley.pidf;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.parley.presence.PresentityId;
import dev.parley.presence.WatcherInfo;

/**
 * Writes {@code application/watcherinfo+xml} (RFC 3858) for the {@code presence.winfo} package: one
 * watcher list for the presentity, each watcher with its subscription id, status and last event.
 * {@code version} starts at 0 and grows by one per notification of a winfo subscription.
 */
public final class WatcherInfoCodec {

	public static final String MEDIA_TYPE = "application/watcherinfo+xml";

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	private final PresentityUris uris;

	public WatcherInfoCodec(PresentityUris uris) {
		this.uris = uris;
	}

	public String write(PresentityId resource, long version, boolean fullState, List<WatcherInfo> watchers) {
		StringWriter out = new StringWriter(256);
		try {
			XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			w.writeStartElement("", "watcherinfo", PidfNamespaces.WATCHERINFO);
			w.writeDefaultNamespace(PidfNamespaces.WATCHERINFO);
			w.writeAttribute("version", Long.toString(version));
			w.writeAttribute("state", fullState ? "full" : "partial");
			w.writeStartElement(PidfNamespaces.WATCHERINFO, "watcher-list");
			w.writeAttribute("resource", XmlChars.clean(uris.presUri(resource)));
			w.writeAttribute("package", "presence");
			for (WatcherInfo info : watchers) {
				watcher(w, info);
			}
			w.writeEndElement();
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("could not write watcher information", e);
		}
		return out.toString();
	}

	private static void watcher(XMLStreamWriter w, WatcherInfo info) throws XMLStreamException {
		w.writeStartElement(PidfNamespaces.WATCHERINFO, "watcher");
		w.writeAttribute("id", info.id().toString());
		w.writeAttribute("status", info.status().token());
		w.writeAttribute("event", info.event().token());
		w.writeAttribute("expiration", Long.toString(info.expiresInSeconds()));
		w.writeAttribute("duration-subscribed", Long.toString(info.subscribedSeconds()));
		w.writeCharacters(XmlChars.clean(info.watcher().uri()));
		w.writeEndElement();
	}
}
