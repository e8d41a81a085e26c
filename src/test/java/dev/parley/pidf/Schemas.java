package dev.parley.pidf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Validates documents against the RFC schemas copied into src/test/resources/schemas. Imports and
 * includes are served from there by a resource resolver; anything else fails the test (no network).
 */
public final class Schemas {

	public static final Schema PIDF = load("pidf.xsd", "data-model.xsd", "rpid.xsd");

	public static final Schema WATCHERINFO = load("watcherinfo.xsd");

	private Schemas() {
	}

	public static void assertValid(Schema schema, String xml) {
		try {
			var validator = schema.newValidator();
			validator.setResourceResolver(Schemas::localOnly);
			validator.validate(new StreamSource(new StringReader(xml)));
		}
		catch (SAXException | IOException e) {
			fail("not valid against the RFC schema: " + e.getMessage() + "\n" + xml);
		}
	}

	private static Schema load(String... files) {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
			factory.setResourceResolver(Schemas::localOnly);
			Source[] sources = new Source[files.length];
			for (int i = 0; i < files.length; i++) {
				sources[i] = new StreamSource(resource(files[i]).toExternalForm());
			}
			return factory.newSchema(sources);
		}
		catch (SAXException e) {
			throw new IllegalStateException(e);
		}
	}

	private static URL resource(String name) {
		URL url = Schemas.class.getResource("/schemas/" + name);
		if (url == null) {
			throw new IllegalStateException("schema " + name + " is not available locally");
		}
		return url;
	}

	/** Serves xml.xsd, common-schema.xsd and the other local schemas; refuses anything else. */
	private static LSInput localOnly(String type, String namespace, String publicId, String systemId, String baseUri) {
		if (systemId == null) {
			return null; // a lax wildcard asking for an unknown namespace: nothing to load, nothing fetched
		}
		URL url = resource(systemId.substring(systemId.lastIndexOf('/') + 1));
		return new LocalInput(publicId, url.toExternalForm(), baseUri);
	}

	private record LocalInput(String publicId, String systemId, String baseURI) implements LSInput {

		@Override
		public String getSystemId() {
			return systemId;
		}

		@Override
		public String getPublicId() {
			return publicId;
		}

		@Override
		public String getBaseURI() {
			return baseURI;
		}

		@Override
		public java.io.InputStream getByteStream() {
			try {
				return new URL(systemId).openStream();
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		// @formatter:off
		@Override public java.io.Reader getCharacterStream() { return null; }
		@Override public void setCharacterStream(java.io.Reader r) { }
		@Override public void setByteStream(java.io.InputStream s) { }
		@Override public String getStringData() { return null; }
		@Override public void setStringData(String s) { }
		@Override public void setSystemId(String s) { }
		@Override public void setPublicId(String s) { }
		@Override public void setBaseURI(String s) { }
		@Override public String getEncoding() { return null; }
		@Override public void setEncoding(String s) { }
		@Override public boolean getCertifiedText() { return false; }
		@Override public void setCertifiedText(boolean b) { }
		// @formatter:on
	}
}
