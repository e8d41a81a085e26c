package dev.parley.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

	@Test
	void aLineHoldsNoControlCharacterLineBreakTabLoneSurrogateOrNoncharacter() {
		for (String bad : new String[] { "a\u0000", "a\u001b[31m", "a\n", "a\r", "a\t", "a\u007f", "a\u0085", "a\u009b",
				"a\uD800", "\uDC00a", "a\uD800b", "a\uFFFE", "a\uFFFF", "a\uFDD0", "a\uD83F\uDFFF" }) {
			assertThat(Text.forbiddenInLine(bad)).as(bad).isGreaterThanOrEqualTo(0);
			assertThat(Text.isLine(bad)).isFalse();
		}
		for (String good : new String[] { "", "Zoë O'Brien", "日本語", "a \uD83D\uDE00 b", "\u00A0non-breaking", "x\uFFFD" }) {
			assertThat(Text.forbiddenInLine(good)).as(good).isEqualTo(-1);
		}
		assertThat(Text.forbiddenInLine(null)).isEqualTo(-1);
	}

	@Test
	void linesMayHoldTabsAndLineBreaksButNothingElse() {
		assertThat(Text.forbiddenInLines("one\r\ntwo\tthree\n")).isEqualTo(-1);
		assertThat(Text.forbiddenInLines("one\u0000")).isEqualTo(3);
		assertThat(Text.forbiddenInLines("a\uD800")).isEqualTo(1);
	}

	@Test
	void theMessageSaysWhichCharacterAndWhere() {
		assertThat(Text.message("Ann\u0007", 3, false)).isEqualTo("must not contain a control character (U+0007 at character 4)");
		assertThat(Text.message("a\nb", 1, false))
			.isEqualTo("must not contain a line break or tab in this one-line field (U+000A at character 2)");
		assertThat(Text.message("a\uD800", 1, true)).isEqualTo("must not contain a lone surrogate (U+D800 at character 2)");
		assertThat(Text.message("a\uFFFF", 1, false))
			.isEqualTo("must not contain a character that is not text (U+FFFF at character 2)");
	}

	@Test
	void violationsNameTheField() {
		var v = new Violations().text("Ann\u0000", 120, "name").lines("ok\nfine", 100, "note").lines("x\u0007", 100, "summary");
		assertThatViolations(v, "name", "summary");
	}

	private static void assertThatViolations(Violations v, String... fields) {
		try {
			v.throwIfAny();
			throw new AssertionError("expected violations");
		}
		catch (InvalidInputException e) {
			assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(fields);
		}
	}
}
