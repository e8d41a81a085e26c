package dev.parley.common;

/**
 * The one rule for what counts as text in Parley: no control characters (C0, DEL and C1; a multi-line field, such
 * as a note, a summary or a chat message, may hold tab, line feed and carriage return), no lone surrogate and no
 * Unicode noncharacter (U+FFFE, U+FFFF and the like). Such characters are not something a person types; they
 * break the XML, terminals and logs the text reaches. Every text field's rule goes through here, through
 * {@link Violations#text} and {@link Violations#lines}.
 */
public final class Text {

	private Text() {
	}

	/** The index of the first character a single-line field may not hold, or -1. */
	public static int forbiddenInLine(String value) {
		return forbidden(value, false);
	}

	/** The index of the first character a multi-line field may not hold, or -1. */
	public static int forbiddenInLines(String value) {
		return forbidden(value, true);
	}

	/** Whether the value is text for a single-line field (null counts: whether it is required is another rule). */
	public static boolean isLine(String value) {
		return forbidden(value, false) < 0;
	}

	/** The message for a value that breaks the rule at {@code index}: which character, and where (from 1). */
	public static String message(String value, int index, boolean multiLine) {
		int cp = value.codePointAt(index);
		String what = Character.isSurrogate(value.charAt(index)) ? "a lone surrogate"
				: isControl(cp) ? (multiLine ? "a control character" : cp == '\n' || cp == '\r' || cp == '\t'
						? "a line break or tab in this one-line field" : "a control character")
						: "a character that is not text";
		return "must not contain " + what + " (U+" + String.format("%04X", cp) + " at character " + (index + 1)
				+ ")";
	}

	private static int forbidden(String value, boolean multiLine) {
		if (value == null) {
			return -1;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = value.codePointAt(i);
				if (isNonCharacter(cp)) {
					return i;
				}
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				return i;
			}
			if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
				return i;
			}
			if (isNonCharacter(c)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isControl(int cp) {
		return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
	}

	private static boolean isNonCharacter(int cp) {
		return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
	}
}
