package dev.parley.pidf;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way presence bodies are parsed: namespace-aware DOM with secure processing, DOCTYPE refused
 * outright (so no internal or external entity is ever expanded: no XXE, no billion laughs), no external
 * DTD or schema access, no XInclude, and at most {@link #MAX_BYTES} bytes.
 */
final class SecureXml {

	static final int MAX_BYTES = 64 * 1024;

	private static final DocumentBuilderFactory FACTORY = factory();

	private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

	private static final ErrorHandler FAIL = new ErrorHandler() {
		@Override
		public void warning(SAXParseException e) {
		}

		@Override
		public void error(SAXParseException e) throws SAXException {
			throw e;
		}

		@Override
		public void fatalError(SAXParseException e) throws SAXException {
			throw e;
		}
	};

	private SecureXml() {
	}

	static Document parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw PidfException.of("body", "required", "is empty");
		}
		if (body.length > MAX_BYTES) {
			throw PidfException.of("body", "too-large", "is larger than " + MAX_BYTES + " bytes");
		}
		DocumentBuilder builder = BUILDER.get(); // each parse starts from the builder's settings again
		try {
			return builder.parse(new ByteArrayInputStream(body));
		}
		catch (SAXException e) {
			throw malformed(e);
		}
		catch (IOException e) {
			throw PidfException.of("body", "unreadable", "could not be read: " + e.getMessage());
		}
	}

	private static PidfException malformed(SAXException e) {
		String message = String.valueOf(e.getMessage());
		if (message.contains("DOCTYPE")) {
			return PidfException.of("body", "doctype",
					"must not contain a DOCTYPE declaration (DTDs and entities are not allowed)");
		}
		String where = e instanceof SAXParseException p ? " (line " + p.getLineNumber() + ")" : "";
		return PidfException.of("body", "malformed", "is not well-formed XML" + where + ": " + message);
	}

	private static DocumentBuilderFactory factory() {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			// presence bodies are small and read whole: build the tree at once rather than lazily
			f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
			return f;
		}
		catch (ParserConfigurationException | IllegalArgumentException e) {
			throw new IllegalStateException("the JDK's XML parser cannot be secured", e);
		}
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilder builder;
			synchronized (FACTORY) {
				builder = FACTORY.newDocumentBuilder();
			}
			builder.setErrorHandler(FAIL);
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are not allowed");
			});
			return builder;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}
}
