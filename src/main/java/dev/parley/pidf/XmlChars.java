package dev.parley.pidf;

/**
 * Keeps text within what XML 1.0 may carry (s2.2: tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD
 * and the supplementary planes): every other character, a lone surrogate included, becomes U+FFFD. The writers
 * pass every text and attribute value through it, so no input can make them emit a document a parser refuses.
 */
final class XmlChars {

	static final char REPLACEMENT = '\uFFFD';

	private XmlChars() {
	}

	static String clean(String s) {
		if (s == null) {
			return null;
		}
		int n = s.length();
		for (int i = 0; i < n; i++) {
			if (!allowedAt(s, i)) {
				return rewrite(s, i);
			}
			if (Character.isHighSurrogate(s.charAt(i))) {
				i++; // a valid pair: skip its low half
			}
		}
		return s;
	}

	private static String rewrite(String s, int from) {
		StringBuilder b = new StringBuilder(s.length()).append(s, 0, from);
		for (int i = from; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!allowedAt(s, i)) {
				b.append(REPLACEMENT);
			}
			else if (Character.isHighSurrogate(c)) {
				b.append(c).append(s.charAt(++i));
			}
			else {
				b.append(c);
			}
		}
		return b.toString();
	}

	/** Whether the character at {@code i} may stand in XML 1.0 (a high surrogate only with its low half after it). */
	private static boolean allowedAt(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return false; // its high half would have skipped it
		}
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
	}
}
