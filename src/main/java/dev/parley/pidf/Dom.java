package dev.parley.pidf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small helpers for walking a namespace-aware DOM. */
final class Dom {

	private Dom() {
	}

	static List<Element> children(Element parent, String ns, String localName) {
		List<Element> list = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
				list.add(e);
			}
		}
		return list;
	}

	static List<Element> children(Element parent) {
		List<Element> list = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				list.add(e);
			}
		}
		return list;
	}

	static Element child(Element parent, String ns, String localName) {
		List<Element> list = children(parent, ns, localName);
		return list.isEmpty() ? null : list.get(0);
	}

	static String text(Element e) {
		return e == null ? null : e.getTextContent().trim();
	}

	/** The attribute's value, or null when absent (DOM answers "" for absent attributes). */
	static String attribute(Element e, String name) {
		return e.hasAttribute(name) ? e.getAttribute(name) : null;
	}
}
