package dev.parley.pidf;

/** The XML namespaces of the presence documents, exactly as the RFCs register them. */
public final class PidfNamespaces {

	/** RFC 3863. */
	public static final String PIDF = "urn:ietf:params:xml:ns:pidf";

	/** RFC 4480. */
	public static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";

	/** RFC 4479. */
	public static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";

	/** RFC 5196. */
	public static final String CAPS = "urn:ietf:params:xml:ns:pidf:caps";

	/** RFC 3858. */
	public static final String WATCHERINFO = "urn:ietf:params:xml:ns:watcherinfo";

	/** Parley's own extension for queue and center figures; never marked mustUnderstand. */
	public static final String FIGURES = "urn:parley:xml:ns:pidf:figures";

	private PidfNamespaces() {
	}
}
