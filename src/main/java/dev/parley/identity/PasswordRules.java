package dev.parley.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.parley.common.Violations;

/**
 * What a new password must be, after NIST SP 800-63B s5.1.1.2: 8 to 128 characters of any kind, no composition
 * rules, but not a value known to be common (the list shipped in {@code identity/common-passwords.txt}, compared
 * without regard to case), not one character repeated or a run like {@code 12345678} or {@code abcdefgh}, and not
 * containing the account's username.
 */
final class PasswordRules {

	static final int MIN = 8;

	static final int MAX = 128;

	private static final Set<String> COMMON = load();

	private PasswordRules() {
	}

	static void check(String username, String password, Violations v) {
		if (password == null || password.length() < MIN) {
			v.add("password", "too-short", "must be at least " + MIN + " characters");
			return;
		}
		if (password.length() > MAX) {
			v.add("password", "too-long", "must be at most " + MAX + " characters");
			return;
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || repetitiveOrSequential(lower)) {
			v.add("password", "common", "is one of the most common passwords; choose one that is harder to guess");
		}
		else if (username != null && username.trim().length() >= 3
				&& lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
			v.add("password", "contains-username", "must not contain your username");
		}
	}

	/** One character over and over, or each character one up (or down) from the one before. */
	static boolean repetitiveOrSequential(String s) {
		int step = s.codePointAt(1) - s.codePointAt(0);
		if (Math.abs(step) > 1) {
			return false;
		}
		for (int i = 2; i < s.length(); i++) {
			if (s.charAt(i) - s.charAt(i - 1) != step) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> load() {
		var stream = PasswordRules.class.getResourceAsStream("/identity/common-passwords.txt");
		if (stream == null) {
			throw new IllegalStateException("identity/common-passwords.txt is missing from the class path");
		}
		Set<String> set = new HashSet<>(16_384);
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
				.forEach(l -> set.add(l.strip().toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(set);
	}
}
